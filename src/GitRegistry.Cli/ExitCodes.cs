namespace GitRegistry.Cli;

/// <summary>gitreg's exit codes: every failure a script can branch on has a name (and a number that never changes).</summary>
public enum ExitCodes
{
    /// <summary>Success.</summary>
    Ok = 0,
    /// <summary>Bad arguments or a request that makes no sense (e.g. archive-existing into None).</summary>
    Usage = 1,
    /// <summary>A model, version, stage, alias, file or commit that does not exist.</summary>
    NotFound = 2,
    /// <summary>A registry file breaks its schema or a cross-file rule.</summary>
    ValidationFailed = 3,
    /// <summary>A conflicting state (exclusive stage held, alias in the way) or a write that lost too many races.</summary>
    Conflict = 4,
    /// <summary>A commit could not be signed, or a signature did not verify.</summary>
    SigningFailed = 5,
    /// <summary>An artifact is missing, unreadable or does not match its sha256.</summary>
    ArtifactFailed = 6,
    /// <summary>The registry repository is missing or unreadable.</summary>
    RepositoryFailed = 7,
    /// <summary>The registry's policy does not allow the change: a permission, transition, approval or metric gate is missing.</summary>
    PolicyDenied = 8,
    /// <summary>A bug in gitreg: please report it with the output of --verbose.</summary>
    InternalError = 70,
}

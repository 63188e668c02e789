namespace GitRegistry;

/// <summary>What went wrong, in the terms a caller (or a script reading an exit code) branches on.</summary>
public enum ErrorKind
{
    /// <summary>The request itself is malformed: a bad name, a contradictory option.</summary>
    Usage = 1,
    /// <summary>A model, version, stage, alias or file that does not exist.</summary>
    NotFound = 2,
    /// <summary>A file breaks its schema or a cross-file rule.</summary>
    Validation = 3,
    /// <summary>The registry moved under us too many times, or the request conflicts with its state.</summary>
    Conflict = 4,
    /// <summary>A commit could not be signed, or a signature did not verify.</summary>
    Signing = 5,
    /// <summary>An artifact is missing, unreadable or does not match its recorded hash.</summary>
    Artifact = 6,
    /// <summary>The registry repository itself is missing or unreadable.</summary>
    Repository = 7,
    /// <summary>The registry's policy does not allow the change (permission, transition, approvals, metric gate).</summary>
    Policy = 8,
}

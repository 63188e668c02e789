namespace GitRegistry.Locking;

/// <summary>
/// Stable codes of restore failures (GR1xxx, like NuGet's NU1xxx). The build reports them as MSBuild error codes;
/// gitreg prints them in its JSON errors. docs/msbuild.md lists each with its fix. Never renumber.
/// </summary>
public static class RestoreCodes
{
    /// <summary>A model request is malformed (bad name, neither a stage, a version nor an alias) or named twice.</summary>
    public const string InvalidRequest = "GR1002";

    /// <summary>Locked mode: there is no lock, or the requests differ from what it locks (added, changed or removed).</summary>
    public const string LockOutOfDate = "GR1003";

    /// <summary>Locked mode: a request resolves to another version than the lock pins (the model moved).</summary>
    public const string ModelMoved = "GR1004";

    /// <summary>A request cannot be resolved: no such model, version, stage holder or alias.</summary>
    public const string Unresolvable = "GR1005";

    /// <summary>The registry is missing, unreachable or unreadable.</summary>
    public const string RegistryUnavailable = "GR1006";

    /// <summary>The artifact is not in any store this machine reaches.</summary>
    public const string ArtifactUnavailable = "GR1007";

    /// <summary>The lock and the registry's manifest disagree on a version's sha256.</summary>
    public const string LockManifestMismatch = "GR1008";

    /// <summary>Artifact bytes (cached or fetched) do not hash to the sha256 the lock and manifest pin.</summary>
    public const string ArtifactAltered = "GR1009";

    /// <summary>The lock file cannot be read or is malformed.</summary>
    public const string LockUnreadable = "GR1010";
}

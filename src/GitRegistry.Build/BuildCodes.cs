namespace GitRegistry.Build;

/// <summary>
/// The error codes the build itself raises; the restore's own codes (GR1002-GR1010) come from gitreg's JSON errors.
/// docs/msbuild.md lists every code with its fix. Never renumber.
/// </summary>
internal static class BuildCodes
{
    /// <summary>ModelReference items but no GitRegistryUrl.</summary>
    public const string NoRegistry = "GR1001";

    /// <summary>A ModelReference names none, or more than one, of Stage, Version and Alias.</summary>
    public const string InvalidReference = "GR1002";

    /// <summary>gitreg could not be started or failed without a coded error.</summary>
    public const string ToolFailed = "GR1011";

    /// <summary>GitRegistryUpdateLock and GitRegistryLockedMode are both true.</summary>
    public const string ContradictoryModes = "GR1012";
}

using GitRegistry.Policy;
using GitRegistry.Reading;

namespace GitRegistry.Site;

/// <summary>What the site shows of one version: its manifest and state, approvals and audit events.</summary>
/// <param name="Info">The manifest, current stage, aliases and tags.</param>
/// <param name="Approvals">The approval trail, oldest first, each with whether its signature verified.</param>
/// <param name="Events">The version's audit events, oldest first.</param>
/// <param name="Previous">The previous live version, which the site compares this one with, or null.</param>
public sealed record VersionPage(ModelVersionInfo Info, IReadOnlyList<VerifiedApproval> Approvals, IReadOnlyList<AuditEntry> Events, int? Previous)
{
    /// <summary>The version number.</summary>
    public int Version => Info.Version;
}

using GitRegistry.Signing;

namespace GitRegistry.Trust;

/// <summary>The verification of one commit: its signature, the events its diff makes, and every rule it breaks.</summary>
/// <param name="CommitId">The commit.</param>
/// <param name="Subject">The commit message's first line.</param>
/// <param name="Signature">The signature verdict.</param>
/// <param name="Events">The registry events the diff makes.</param>
/// <param name="Problems">Every rule broken; empty when the commit passes.</param>
public sealed record CommitReport(string CommitId, string Subject, CommitSignatureResult Signature, IReadOnlyList<RegistryEvent> Events, IReadOnlyList<string> Problems)
{
    /// <summary>True when the commit breaks no rule.</summary>
    public bool Passed => Problems.Count == 0;
}

namespace GitRegistry.Trust;

/// <summary>One fact of the audit trail, established from a commit's diff and backed (or not) by its verified signature.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="CommitId">The commit.</param>
/// <param name="Time">The committer time.</param>
/// <param name="Actor">The verified signer's principal, or the committer's e-mail when the signature did not verify.</param>
/// <param name="KeyFingerprint">The signing key's fingerprint, when known.</param>
/// <param name="Verified">True when the commit's signature verified for <paramref name="Actor"/>.</param>
/// <param name="Model">The model concerned, if any.</param>
/// <param name="Version">The version concerned, if any.</param>
/// <param name="FromStage">For stage moves: the stage left.</param>
/// <param name="ToStage">For stage moves and approvals: the stage entered or approved for.</param>
/// <param name="Alias">For alias events: the alias.</param>
/// <param name="Detail">A short description of the change.</param>
/// <param name="Comment">The justification given (the commit message's body), if any.</param>
public sealed record RegistryEvent(
    EventKind Kind,
    string CommitId,
    DateTimeOffset Time,
    string Actor,
    string? KeyFingerprint,
    bool Verified,
    string? Model,
    int? Version,
    string? FromStage,
    string? ToStage,
    string? Alias,
    string Detail,
    string? Comment);

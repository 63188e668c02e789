using GitRegistry.Manifests;

namespace GitRegistry.Policy;

/// <summary>An approval record with what its commit's signature established about who made it.</summary>
/// <param name="Record">The record as written in the approvals file.</param>
/// <param name="CommitId">The commit that added it.</param>
/// <param name="SignedBy">The verified signer's principal, or null when the commit's signature did not verify.</param>
/// <param name="Problem">Why the approval does not count (unverified, signer differs from <c>by</c>), or null.</param>
public sealed record VerifiedApproval(ApprovalRecord Record, string CommitId, string? SignedBy, string? Problem)
{
    /// <summary>True when the commit's signature verified and the signer is the one the record names.</summary>
    public bool IsVerified => Problem is null && SignedBy is not null;
}

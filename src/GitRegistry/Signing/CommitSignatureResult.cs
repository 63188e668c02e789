namespace GitRegistry.Signing;

/// <summary>The verdict on one commit's signature, with what it was judged on.</summary>
/// <param name="CommitId">The commit's full id.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Format">The signature's format, or null when the commit is unsigned.</param>
/// <param name="Principal">
/// The allowed-signers principal the signature is good for, as git reports it (the first one
/// <c>ssh-keygen -Y find-principals</c> lists that verifies), or null when there is none.
/// </param>
/// <param name="KeyFingerprint">The signing key's <c>SHA256:...</c> fingerprint, or null when it could not be read.</param>
/// <param name="CommitterEmail">The committer's e-mail address, as the commit states it.</param>
/// <param name="CommitterTime">The committer time, at which key validity is judged.</param>
/// <param name="Detail">One sentence saying why the verdict is what it is.</param>
public sealed record CommitSignatureResult(
    string CommitId,
    CommitSignatureStatus Status,
    SigningFormat? Format,
    string? Principal,
    string? KeyFingerprint,
    string CommitterEmail,
    DateTimeOffset CommitterTime,
    string Detail)
{
    /// <summary>True when <see cref="Status"/> is <see cref="CommitSignatureStatus.Good"/>.</summary>
    public bool IsGood => Status == CommitSignatureStatus.Good;
}

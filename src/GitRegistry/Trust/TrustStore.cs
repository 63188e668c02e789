using GitRegistry.Configuration;
using GitRegistry.Reading;
using GitRegistry.Signing;
using GitRegistry.Storage;
using LibGit2Sharp;

namespace GitRegistry.Trust;

/// <summary>
/// Who may sign, as a registry states it at one commit (registry.yaml's signers: the allowed-signers file kept
/// in the registry, and OpenPGP fingerprints), and the verification of commit signatures against that.
/// </summary>
internal sealed class TrustStore
{
    private readonly CommitSignatureVerifier? _ssh;
    private readonly OpenPgpVerifier? _openPgp;

    private TrustStore(AllowedSigners? allowedSigners, IReadOnlyList<OpenPgpSigner> openPgp, string? allowedSignersPath)
    {
        AllowedSigners = allowedSigners;
        AllowedSignersPath = allowedSignersPath;
        _ssh = allowedSigners is null ? null : new CommitSignatureVerifier(allowedSigners);
        _openPgp = openPgp.Count == 0 ? null : new OpenPgpVerifier(openPgp);
    }

    public AllowedSigners? AllowedSigners { get; }

    public string? AllowedSignersPath { get; }

    /// <summary>True when the registry names any signer at all.</summary>
    public bool HasSigners => _ssh is not null || _openPgp is not null;

    public static TrustStore At(RegistrySnapshot snapshot)
    {
        var view = new RegistryView(snapshot);
        var signers = view.Config.Signers;
        if (signers is null)
        {
            return new TrustStore(null, [], null);
        }
        var text = snapshot.ReadFile(signers.AllowedSigners);
        return new TrustStore(text is null ? null : AllowedSigners.Parse(text, TimeZoneInfo.Utc), signers.Openpgp, signers.AllowedSigners);
    }

    /// <summary>Verifies one commit's signature against these signers.</summary>
    public CommitSignatureResult Verify(Repository repository, Commit commit)
    {
        if (_ssh is null && _openPgp is null)
        {
            return new CommitSignatureResult(commit.Sha, CommitSignatureStatus.UnknownKey, null, null, null, commit.Committer.Email, commit.Committer.When,
                "the registry lists no signers (registry.yaml signers), so no signature can be trusted");
        }
        var result = (_ssh ?? new CommitSignatureVerifier(AllowedSigners.Parse(""))).Verify(repository, commit.Sha);
        if (result.Status == CommitSignatureStatus.Unsupported && result.Format == SigningFormat.OpenPgp && _openPgp is not null)
        {
            return _openPgp.Verify(repository, commit);
        }
        return result;
    }
}

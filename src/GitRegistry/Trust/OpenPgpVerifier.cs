using GitRegistry.Configuration;
using GitRegistry.Signing;
using GitRegistry.Storage;
using LibGit2Sharp;

namespace GitRegistry.Trust;

/// <summary>
/// Verifies OpenPGP commit signatures with gpg (<c>gpg --verify --status-fd</c>), as git does, and accepts them
/// only when the signing key's fingerprint is one registry.yaml lists for the committer's e-mail. The keys must
/// be in the verifying user's keyring (gpg --import); the fingerprint list, not the keyring, decides trust.
/// </summary>
internal sealed class OpenPgpVerifier(IReadOnlyList<OpenPgpSigner> signers)
{
    public CommitSignatureResult Verify(Repository repository, Commit commit)
    {
        var extracted = Commit.ExtractSignature(repository, commit.Id);
        var folder = Directory.CreateTempSubdirectory("gitreg-verify-");
        try
        {
            var signatureFile = Path.Combine(folder.FullName, "commit.sig");
            File.WriteAllText(signatureFile, extracted.Signature);
            var dataFile = Path.Combine(folder.FullName, "commit");
            File.WriteAllText(dataFile, extracted.SignedData);
            var result = ChildProcess.Run("gpg", ["--batch", "--status-fd=1", "--verify", signatureFile, dataFile]);
            var status = result.StandardOutput.Split('\n');
            var valid = status.FirstOrDefault(l => l.StartsWith("[GNUPG:] VALIDSIG ", StringComparison.Ordinal));
            CommitSignatureResult Make(CommitSignatureStatus s, string? principal, string? fingerprint, string detail) =>
                new(commit.Sha, s, SigningFormat.OpenPgp, principal, fingerprint, commit.Committer.Email, commit.Committer.When, detail);
            if (valid is null)
            {
                var missingKey = status.Any(l => l.StartsWith("[GNUPG:] NO_PUBKEY", StringComparison.Ordinal));
                return Make(missingKey ? CommitSignatureStatus.UnknownKey : CommitSignatureStatus.BadSignature, null, null,
                    missingKey ? "the OpenPGP key is not in this user's keyring (gpg --import it)" : "gpg did not accept the OpenPGP signature");
            }
            var parts = valid.Split(' ');
            // VALIDSIG <fingerprint> ... <primary key fingerprint> as the last field.
            var fingerprint = parts[^1].ToUpperInvariant();
            var listed = signers.Where(s => s.Fingerprint.Equals(fingerprint, StringComparison.OrdinalIgnoreCase) || s.Fingerprint.Equals(parts[2], StringComparison.OrdinalIgnoreCase)).ToList();
            if (listed.Count == 0)
            {
                return Make(CommitSignatureStatus.UnknownKey, null, fingerprint, $"the OpenPGP key {fingerprint} is not listed in registry.yaml signers.openpgp");
            }
            var principal = listed.FirstOrDefault(s => s.Principal.Equals(commit.Committer.Email, StringComparison.OrdinalIgnoreCase))?.Principal;
            return principal is null
                ? Make(CommitSignatureStatus.PrincipalMismatch, listed[0].Principal, fingerprint, $"the OpenPGP key {fingerprint} signs for {listed[0].Principal}, not for the committer {commit.Committer.Email}")
                : Make(CommitSignatureStatus.Good, principal, fingerprint, "good OpenPGP signature by a listed key");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

}

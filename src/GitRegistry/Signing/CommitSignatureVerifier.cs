using System.Text;
using LibGit2Sharp;

namespace GitRegistry.Signing;

/// <summary>
/// Verifies commit signatures in-process, deciding as <c>git verify-commit</c> does with
/// <c>gpg.ssh.allowedSignersFile</c> (key validity judged at the commit's committer time), and then checking what
/// git does not: that the key may sign as the committer's e-mail address. No ssh-keygen is spawned.
/// </summary>
/// <param name="allowedSigners">Who may sign.</param>
public sealed class CommitSignatureVerifier(AllowedSigners allowedSigners)
{
    /// <summary>The namespace git signs commits in.</summary>
    public const string GitNamespace = "git";

    /// <summary>Who may sign.</summary>
    public AllowedSigners AllowedSigners { get; } = allowedSigners;

    /// <summary>Verifies the commit <paramref name="commitId"/> (a full or abbreviated id, or any revision) of a registry.</summary>
    /// <exception cref="NotFoundException">There is no such commit.</exception>
    public CommitSignatureResult Verify(Registry registry, string commitId) => Verify(registry.GitRepository, commitId);

    /// <summary>Verifies the commit <paramref name="commitId"/> (a full or abbreviated id, or any revision) of a repository.</summary>
    /// <exception cref="NotFoundException">There is no such commit.</exception>
    public CommitSignatureResult Verify(Repository repository, string commitId)
    {
        var commit = repository.Lookup<Commit>(commitId)
            ?? throw new NotFoundException($"'{commitId}' is not a commit in {repository.Info.Path}", "pass a commit id that exists: git log --oneline");
        var email = commit.Committer.Email;
        var time = commit.Committer.When;
        CommitSignatureResult Result(CommitSignatureStatus status, SigningFormat? format, string detail, string? principal = null, string? fingerprint = null) =>
            new(commit.Sha, status, format, principal, fingerprint, email, time, detail);

        SignatureInfo extracted;
        try
        {
            extracted = Commit.ExtractSignature(repository, commit.Id);
        }
        catch (LibGit2Sharp.NotFoundException)
        {
            return Result(CommitSignatureStatus.Unsigned, null, "the commit is not signed");
        }

        var armored = extracted.Signature;
        if (!armored.StartsWith(SshSignature.ArmorHeader, StringComparison.Ordinal))
        {
            return armored.StartsWith("-----BEGIN PGP SIGNATURE-----", StringComparison.Ordinal) || armored.StartsWith("-----BEGIN PGP MESSAGE-----", StringComparison.Ordinal)
                ? Result(CommitSignatureStatus.Unsupported, SigningFormat.OpenPgp, "OpenPGP signatures are not verified in-process")
                : armored.StartsWith("-----BEGIN SIGNED MESSAGE-----", StringComparison.Ordinal)
                    ? Result(CommitSignatureStatus.Unsupported, SigningFormat.X509, "X.509 signatures are not verified in-process")
                    : Result(CommitSignatureStatus.BadSignature, null, "the signature is in no format git knows");
        }

        SshSignature signature;
        try
        {
            signature = SshSignature.Parse(armored);
        }
        catch (FormatException e)
        {
            return Result(CommitSignatureStatus.BadSignature, SigningFormat.Ssh, "the SSH signature is malformed: " + e.Message);
        }
        var key = signature.PublicKey;
        var fingerprint = key.Fingerprint;
        if (!key.CanVerify)
        {
            return Result(CommitSignatureStatus.Unsupported, SigningFormat.Ssh, $"{key.KeyType} signatures are not verified in-process", fingerprint: fingerprint);
        }

        // The signature must hold first: nothing the allowed signers say matters for a forged or altered commit.
        var problem = signature.Check(Encoding.UTF8.GetBytes(extracted.SignedData));
        if (problem is not null)
        {
            return Result(CommitSignatureStatus.BadSignature, SigningFormat.Ssh, problem, fingerprint: fingerprint);
        }
        if (signature.Namespace != GitNamespace)
        {
            return Result(CommitSignatureStatus.WrongNamespace, SigningFormat.Ssh,
                $"the signature was made for namespace '{signature.Namespace}', not '{GitNamespace}'", fingerprint: fingerprint);
        }

        // As git: find who owns the key at the commit's time, then try each of them as the signer.
        var principals = AllowedSigners.FindPrincipals(key, time);
        if (principals.Count == 0)
        {
            var listed = AllowedSigners.SignersWithKey(key);
            return listed.Count == 0
                ? Result(CommitSignatureStatus.UnknownKey, SigningFormat.Ssh, $"no allowed signer has the {key.KeyType} key {fingerprint}", fingerprint: fingerprint)
                : Result(Status(listed[0].CheckTime(time)), SigningFormat.Ssh, Explain(listed[0].CheckTime(time), listed[0], time), fingerprint: fingerprint);
        }
        string? principal = null;
        SignerAuthorization? firstFailure = null;
        foreach (var candidate in principals)
        {
            var verdict = AllowedSigners.Authorize(candidate, key, GitNamespace, time);
            if (verdict == SignerAuthorization.Allowed)
            {
                principal = candidate;
                break;
            }
            firstFailure ??= verdict;
        }
        if (principal is null)
        {
            var verdict = firstFailure!.Value;
            return Result(Status(verdict), SigningFormat.Ssh,
                $"the key of {string.Join(", ", principals)} is not allowed to sign git commits at {time:u}: {verdict}", fingerprint: fingerprint);
        }

        // Beyond git: the key must be one the committer may sign with, or anyone listed could pose as anyone.
        if (AllowedSigners.Authorize(email, key, GitNamespace, time) != SignerAuthorization.Allowed)
        {
            return Result(CommitSignatureStatus.PrincipalMismatch, SigningFormat.Ssh,
                $"signed by {principal}'s key, which the allowed signers do not let the committer {email} use", principal, fingerprint);
        }
        return Result(CommitSignatureStatus.Good, SigningFormat.Ssh, $"good signature by {principal} with {key.KeyType} key {fingerprint}", principal, fingerprint);
    }

    private static CommitSignatureStatus Status(SignerAuthorization verdict) => verdict switch
    {
        SignerAuthorization.WrongNamespace => CommitSignatureStatus.WrongNamespace,
        SignerAuthorization.NotYetValid => CommitSignatureStatus.KeyNotYetValid,
        SignerAuthorization.Expired => CommitSignatureStatus.KeyExpired,
        _ => CommitSignatureStatus.UnknownKey,
    };

    private static string Explain(SignerAuthorization verdict, AllowedSigner signer, DateTimeOffset time) => verdict == SignerAuthorization.NotYetValid
        ? $"the key is valid only after {signer.ValidAfter:u} (allowed signers line {signer.Line}), and the commit is from {time:u}"
        : $"the key was valid only before {signer.ValidBefore:u} (allowed signers line {signer.Line}), and the commit is from {time:u}";
}

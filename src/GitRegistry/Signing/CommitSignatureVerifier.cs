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
        var verdict = new Verdict(commit);

        SignatureInfo extracted;
        try
        {
            extracted = Commit.ExtractSignature(repository, commit.Id);
        }
        catch (LibGit2Sharp.NotFoundException)
        {
            return verdict.Make(CommitSignatureStatus.Unsigned, null, "the commit is not signed");
        }

        // git tells the formats apart by the armor's first line.
        var armored = extracted.Signature;
        if (armored.StartsWith(SshSignature.ArmorHeader, StringComparison.Ordinal))
        {
            return VerifySsh(verdict, armored, Encoding.UTF8.GetBytes(extracted.SignedData));
        }
        if (armored.StartsWith("-----BEGIN PGP SIGNATURE-----", StringComparison.Ordinal) || armored.StartsWith("-----BEGIN PGP MESSAGE-----", StringComparison.Ordinal))
        {
            return verdict.Make(CommitSignatureStatus.Unsupported, SigningFormat.OpenPgp, "OpenPGP signatures are not verified in-process");
        }
        if (armored.StartsWith("-----BEGIN SIGNED MESSAGE-----", StringComparison.Ordinal))
        {
            return verdict.Make(CommitSignatureStatus.Unsupported, SigningFormat.X509, "X.509 signatures are not verified in-process");
        }
        return verdict.Make(CommitSignatureStatus.BadSignature, null, "the signature is in no format git knows");
    }

    private CommitSignatureResult VerifySsh(Verdict verdict, string armored, byte[] signedData)
    {
        SshSignature signature;
        try
        {
            signature = SshSignature.Parse(armored);
        }
        catch (FormatException e)
        {
            return verdict.Make(CommitSignatureStatus.BadSignature, SigningFormat.Ssh, "the SSH signature is malformed: " + e.Message);
        }
        var key = signature.PublicKey;
        verdict = verdict with { Fingerprint = key.Fingerprint };
        if (!key.CanVerify)
        {
            return verdict.Make(CommitSignatureStatus.Unsupported, SigningFormat.Ssh, $"{key.KeyType} signatures are not verified in-process");
        }

        // The signature must hold first: nothing the allowed signers say matters for a forged or altered commit.
        if (signature.Check(signedData) is { } problem)
        {
            return verdict.Make(CommitSignatureStatus.BadSignature, SigningFormat.Ssh, problem);
        }
        if (signature.Namespace != GitNamespace)
        {
            return verdict.Make(CommitSignatureStatus.WrongNamespace, SigningFormat.Ssh, $"the signature was made for namespace '{signature.Namespace}', not '{GitNamespace}'");
        }
        return Authorize(verdict, key);
    }

    /// <summary>Who may have signed, decided as git decides it, and then whether that covers the committer.</summary>
    private CommitSignatureResult Authorize(Verdict verdict, SshPublicKey key)
    {
        var time = verdict.CommitterTime;
        // git first asks ssh-keygen -Y find-principals who owns the key at the commit's time...
        var owners = AllowedSigners.FindPrincipals(key, time);
        if (owners.Count == 0)
        {
            var outOfTime = AllowedSigners.SignersWithKey(key).FirstOrDefault(s => s.CheckTime(time) != SignerAuthorization.Allowed);
            return outOfTime?.CheckTime(time) switch
            {
                SignerAuthorization.NotYetValid => verdict.Make(CommitSignatureStatus.KeyNotYetValid, SigningFormat.Ssh,
                    $"allowed signers line {outOfTime.Line} lets the key sign only from {outOfTime.ValidAfter:u}, after the commit's time {time:u}"),
                SignerAuthorization.Expired => verdict.Make(CommitSignatureStatus.KeyExpired, SigningFormat.Ssh,
                    $"allowed signers line {outOfTime.Line} lets the key sign only until {outOfTime.ValidBefore:u}, before the commit's time {time:u}"),
                _ => verdict.Make(CommitSignatureStatus.UnknownKey, SigningFormat.Ssh, $"no allowed signer has the {key.KeyType} key {key.Fingerprint}"),
            };
        }

        // ...then ssh-keygen -Y verify -I PRINCIPAL for each of them until one is allowed.
        var principal = owners.FirstOrDefault(p => AllowedSigners.Authorize(p, key, GitNamespace, time) == SignerAuthorization.Allowed);
        if (principal is null)
        {
            var list = string.Join(", ", owners);
            return AllowedSigners.Authorize(owners[0], key, GitNamespace, time) switch
            {
                SignerAuthorization.WrongNamespace => verdict.Make(CommitSignatureStatus.WrongNamespace, SigningFormat.Ssh,
                    $"the allowed signers do not let {list} sign in namespace '{GitNamespace}' with this key"),
                SignerAuthorization.NotYetValid => verdict.Make(CommitSignatureStatus.KeyNotYetValid, SigningFormat.Ssh,
                    $"the allowed signers let {list} use this key only after the commit's time {time:u}"),
                SignerAuthorization.Expired => verdict.Make(CommitSignatureStatus.KeyExpired, SigningFormat.Ssh,
                    $"the allowed signers let {list} use this key only before the commit's time {time:u}"),
                _ => verdict.Make(CommitSignatureStatus.UnknownKey, SigningFormat.Ssh, $"no allowed-signers line lets {list} use this key"),
            };
        }
        verdict = verdict with { Principal = principal };

        // Beyond git: the key must be one the committer may sign with, or anyone listed could pose as anyone.
        if (AllowedSigners.Authorize(verdict.CommitterEmail, key, GitNamespace, time) != SignerAuthorization.Allowed)
        {
            return verdict.Make(CommitSignatureStatus.PrincipalMismatch, SigningFormat.Ssh,
                $"signed with the key of {principal}, which the allowed signers do not let the committer {verdict.CommitterEmail} use");
        }
        return verdict.Make(CommitSignatureStatus.Good, SigningFormat.Ssh, $"good signature by {principal} with {key.KeyType} key {key.Fingerprint}");
    }

    /// <summary>What is known about the commit so far, to build the result from.</summary>
    private sealed record Verdict(string CommitId, string CommitterEmail, DateTimeOffset CommitterTime, string? Principal = null, string? Fingerprint = null)
    {
        public Verdict(Commit commit)
            : this(commit.Sha, commit.Committer.Email, commit.Committer.When)
        {
        }

        public CommitSignatureResult Make(CommitSignatureStatus status, SigningFormat? format, string detail) =>
            new(CommitId, status, format, Principal, Fingerprint, CommitterEmail, CommitterTime, detail);
    }
}

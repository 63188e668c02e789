using GitRegistry.Storage;

namespace GitRegistry.Signing;

/// <summary>Creates an ed25519 SSH signing key and configures a registry clone to sign with it.</summary>
public static class SigningKeyGenerator
{
    /// <summary>What <see cref="Generate"/> did, for printing.</summary>
    /// <param name="PrivateKey">The new private key file.</param>
    /// <param name="PublicKey">The public key line.</param>
    /// <param name="ConfigChanges">Each git config key set in the registry, with its value.</param>
    public sealed record Result(string PrivateKey, string PublicKey, IReadOnlyList<KeyValuePair<string, string>> ConfigChanges);

    /// <summary>
    /// Creates the key at <paramref name="keyPath"/> (refusing to overwrite one) with the e-mail as its comment, and
    /// sets gpg.format, user.signingkey and an allowed-signers file in the repository's local git config.
    /// </summary>
    public static Result Generate(string gitDirectory, string keyPath, string email)
    {
        if (File.Exists(keyPath))
        {
            throw new RegistryException(ErrorKind.Usage, $"'{keyPath}' already exists", "pass another path with --key, or configure the existing key: git config user.signingkey " + keyPath);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyPath))!);
        var generated = ChildProcess.Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", email, "-f", keyPath]);
        if (generated.ExitCode != 0)
        {
            throw new RegistryException(ErrorKind.Signing, $"ssh-keygen failed: {generated.StandardError.Trim()}", "check that OpenSSH's ssh-keygen is installed");
        }
        var publicKey = File.ReadAllText(keyPath + ".pub").Trim();

        // An allowed-signers file lets plain 'git log --show-signature' verify the registry's commits locally.
        var allowedSigners = Path.Combine(gitDirectory, "gitreg", "allowed_signers");
        Directory.CreateDirectory(Path.GetDirectoryName(allowedSigners)!);
        File.AppendAllText(allowedSigners, $"{email} namespaces=\"git\" {publicKey}\n");

        var changes = new List<KeyValuePair<string, string>>
        {
            new("gpg.format", "ssh"),
            new("user.signingkey", Path.GetFullPath(keyPath)),
            new("gpg.ssh.allowedSignersFile", allowedSigners),
        };
        foreach (var (key, value) in changes)
        {
            var set = ChildProcess.Run("git", ["--git-dir", gitDirectory, "config", key, value]);
            if (set.ExitCode != 0)
            {
                throw new RegistryException(ErrorKind.Repository, $"git config {key} failed: {set.StandardError.Trim()}");
            }
        }
        return new Result(Path.GetFullPath(keyPath), publicKey, changes);
    }
}

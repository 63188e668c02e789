using System.Collections.Concurrent;

namespace GitRegistry.Testing;

/// <summary>A throwaway SSH key made with the real ssh-keygen, without a passphrase.</summary>
/// <param name="Type">The key type.</param>
/// <param name="Email">The e-mail the key was made for (its comment, and its principal in allowed-signers files).</param>
/// <param name="PrivateKeyPath">The private key file (what <c>user.signingkey</c> points at).</param>
/// <param name="PublicKey">The public key line, <c>ssh-ed25519 AAAA... email</c>.</param>
public sealed record SshKey(SshKeyType Type, string Email, string PrivateKeyPath, string PublicKey)
{
    private static readonly ConcurrentDictionary<(SshKeyType, string), Lazy<SshKey>> SharedKeys = new();

    /// <summary>The public key file next to the private one.</summary>
    public string PublicKeyPath => PrivateKeyPath + ".pub";

    /// <summary>The line that lets this key sign git commits for its e-mail, for an allowed-signers file.</summary>
    public string AllowedSignersLine => $"{Email} namespaces=\"git\" {PublicKey}";

    /// <summary>Makes a new key in <paramref name="folder"/> (a fresh temp folder when null).</summary>
    public static SshKey Create(SshKeyType type, string email, string? folder = null)
    {
        folder ??= TestEnvironment.NewTempFolder("key-");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"id_{type.ToString().ToLowerInvariant()}_{Guid.NewGuid():N}"[..24]);
        string[] typeArguments = type switch
        {
            SshKeyType.Ed25519 => ["-t", "ed25519"],
            SshKeyType.EcdsaP256 => ["-t", "ecdsa", "-b", "256"],
            SshKeyType.EcdsaP384 => ["-t", "ecdsa", "-b", "384"],
            SshKeyType.EcdsaP521 => ["-t", "ecdsa", "-b", "521"],
            SshKeyType.Rsa3072 => ["-t", "rsa", "-b", "3072"],
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        Command.Run("ssh-keygen", ["-q", .. typeArguments, "-N", "", "-C", email, "-f", path]).EnsureSuccess();
        return new SshKey(type, email, path, File.ReadAllText(path + ".pub").Trim());
    }

    /// <summary>
    /// One key per type and e-mail for the whole test run. Key generation (RSA above all) is the slow part of
    /// signing tests, and a key that tests only read is safe to share.
    /// </summary>
    public static SshKey Shared(SshKeyType type, string email) =>
        SharedKeys.GetOrAdd((type, email), k => new Lazy<SshKey>(() => Create(k.Item1, k.Item2, Path.Combine(TestEnvironment.Root, "keys")))).Value;
}

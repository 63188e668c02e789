using GitRegistry.Manifests;
using GitRegistry.Storage;

namespace GitRegistry.Signing;

/// <summary>
/// Signs commit payloads with the key git is configured with, the way <c>git commit -S</c> does
/// (gpg.format, user.signingkey including <c>key::</c> literals, gpg.ssh.defaultKeyCommand, gpg.ssh.program,
/// gpg.program), so that <c>git verify-commit</c> accepts the result.
/// </summary>
public sealed class CommitSigner
{
    private readonly string _program;
    private readonly string _key;

    private CommitSigner(SigningFormat format, string program, string key)
    {
        Format = format;
        _program = program;
        _key = key;
    }

    /// <summary>The signature format in use.</summary>
    public SigningFormat Format { get; }

    /// <summary>The key as configured (a path, a literal public key, or an OpenPGP key id).</summary>
    public string Key => _key;

    /// <summary>The commands that set up signing, printed whenever it is missing or broken.</summary>
    public const string SetupFix =
        "create a key with 'gitreg keygen', or configure an existing one: " +
        "git config gpg.format ssh && git config user.signingkey ~/.ssh/id_ed25519 " +
        "(for OpenPGP: git config gpg.format openpgp && git config user.signingkey <KEYID>)";

    internal static CommitSigner FromConfig(GitConfig config, Person committer)
    {
        var format = (config.Get("gpg.format") ?? "openpgp").ToLowerInvariant() switch
        {
            "openpgp" => SigningFormat.OpenPgp,
            "ssh" => SigningFormat.Ssh,
            "x509" => SigningFormat.X509,
            var other => throw new RegistryException(ErrorKind.Signing, $"git's gpg.format is '{other}', which git does not know", "git config gpg.format ssh (or openpgp, x509)"),
        };
        var key = config.Get("user.signingkey");
        switch (format)
        {
            case SigningFormat.Ssh:
                key ??= DefaultSshKey(config);
                if (key is null)
                {
                    throw new RegistryException(ErrorKind.Signing, "no signing key: gpg.format is ssh but user.signingkey is not set", SetupFix);
                }
                return new CommitSigner(format, config.Get("gpg.ssh.program") ?? "ssh-keygen", ExpandHome(key));
            case SigningFormat.X509:
                return new CommitSigner(format, config.Get("gpg.x509.program") ?? "gpgsm", key ?? $"{committer.Name} <{committer.Email}>");
            default:
                if (key is null && config.Get("gpg.format") is null)
                {
                    // Nothing at all is configured: do not guess a gpg identity, say how to set signing up.
                    throw new RegistryException(ErrorKind.Signing, "no signing key is configured (user.signingkey is not set)", SetupFix);
                }
                return new CommitSigner(format, config.Get("gpg.openpgp.program") ?? config.Get("gpg.program") ?? "gpg", key ?? $"{committer.Name} <{committer.Email}>");
        }
    }

    /// <summary>The SSH public key line (<c>ssh-ed25519 AAAA...</c>) of the configured key, for the allowed-signers file.</summary>
    public string SshPublicKeyLine()
    {
        if (Format != SigningFormat.Ssh)
        {
            throw new InvalidOperationException("not an ssh signing key");
        }
        if (_key.StartsWith("key::", StringComparison.Ordinal))
        {
            return _key[5..].Trim();
        }
        if (_key.StartsWith("ssh-", StringComparison.Ordinal) || _key.StartsWith("ecdsa-", StringComparison.Ordinal))
        {
            return _key.Trim();
        }
        var publicFile = _key.EndsWith(".pub", StringComparison.Ordinal) ? _key : _key + ".pub";
        if (File.Exists(publicFile))
        {
            return string.Join(' ', File.ReadAllText(publicFile).Trim().Split(' ').Take(2));
        }
        var derived = ChildProcess.Run(_program, ["-y", "-f", _key]);
        if (derived.ExitCode != 0)
        {
            throw new RegistryException(ErrorKind.Signing, $"cannot read the public key of '{_key}': {FirstLine(derived.StandardError)}", SetupFix);
        }
        return string.Join(' ', derived.StandardOutput.Trim().Split(' ').Take(2));
    }

    /// <summary>The full fingerprint of the configured OpenPGP key, for registry.yaml's signers.</summary>
    public string OpenPgpFingerprint()
    {
        var result = ChildProcess.Run(_program, ["--batch", "--with-colons", "--fingerprint", _key]);
        var line = result.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("fpr:", StringComparison.Ordinal));
        if (result.ExitCode != 0 || line is null)
        {
            throw new RegistryException(ErrorKind.Signing, $"gpg does not know the key '{_key}': {FirstLine(result.StandardError)}", SetupFix);
        }
        return line.Split(':')[9].ToUpperInvariant();
    }

    /// <summary>Signs the raw commit payload; returns the armored signature.</summary>
    public string Sign(string payload) => Format == SigningFormat.Ssh ? SignSsh(payload) : SignGpg(payload);

    private string SignSsh(string payload)
    {
        var folder = Directory.CreateTempSubdirectory("gitreg-sign-");
        try
        {
            var keyFile = _key;
            var literal = _key.StartsWith("key::", StringComparison.Ordinal) || _key.StartsWith("ssh-", StringComparison.Ordinal) || _key.StartsWith("ecdsa-", StringComparison.Ordinal);
            if (literal)
            {
                keyFile = Path.Combine(folder.FullName, "key.pub");
                File.WriteAllText(keyFile, (_key.StartsWith("key::", StringComparison.Ordinal) ? _key[5..] : _key) + "\n");
            }
            else if (!File.Exists(keyFile))
            {
                throw new RegistryException(ErrorKind.Signing, $"the signing key file '{keyFile}' (user.signingkey) does not exist", SetupFix);
            }
            var payloadFile = Path.Combine(folder.FullName, "commit");
            File.WriteAllText(payloadFile, payload);
            List<string> arguments = ["-Y", "sign", "-n", "git", "-f", keyFile];
            if (literal)
            {
                arguments.Add("-U");
            }
            arguments.Add(payloadFile);
            var result = ChildProcess.Run(_program, arguments);
            var signatureFile = payloadFile + ".sig";
            if (result.ExitCode != 0 || !File.Exists(signatureFile))
            {
                throw new RegistryException(ErrorKind.Signing, $"{_program} could not sign with '{_key}': {FirstLine(result.StandardError)}",
                    literal ? "load the key into ssh-agent (ssh-add), or point user.signingkey at the private key file" : SetupFix);
            }
            return File.ReadAllText(signatureFile);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private string SignGpg(string payload)
    {
        var result = ChildProcess.Run(_program, ["--status-fd=2", "-bsau", _key], standardInput: payload);
        if (result.ExitCode != 0 || !result.StandardError.Contains("[GNUPG:] SIG_CREATED ", StringComparison.Ordinal))
        {
            throw new RegistryException(ErrorKind.Signing, $"{_program} could not sign with key '{_key}': {FirstLine(result.StandardError)}", SetupFix);
        }
        return result.StandardOutput;
    }

    private static string? DefaultSshKey(GitConfig config)
    {
        var command = config.Get("gpg.ssh.defaultKeyCommand");
        if (command is null)
        {
            return null;
        }
        var result = ChildProcess.Run("/bin/sh", ["-c", command]);
        var first = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();
        return result.ExitCode == 0 && first is not null ? "key::" + first : null;
    }

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => !l.StartsWith("[GNUPG:]", StringComparison.Ordinal)) ?? "(no message)";
}

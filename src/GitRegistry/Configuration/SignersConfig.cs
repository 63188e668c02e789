namespace GitRegistry.Configuration;

/// <summary>Who may sign registry commits: an allowed-signers file (git's format) and OpenPGP keys.</summary>
public sealed class SignersConfig
{
    /// <summary>The allowed-signers file (git's <c>gpg.ssh.allowedSignersFile</c> format), a path in the registry.</summary>
    public string AllowedSigners { get; init; } = "allowed_signers";

    /// <summary>OpenPGP signers, by fingerprint.</summary>
    public List<OpenPgpSigner> Openpgp { get; init; } = [];
}

namespace GitRegistry.Signing;

/// <summary>git's <c>gpg.format</c>.</summary>
public enum SigningFormat
{
    /// <summary>OpenPGP through gpg (git's default).</summary>
    OpenPgp,
    /// <summary>SSH signatures (SSHSIG) through ssh-keygen.</summary>
    Ssh,
    /// <summary>X.509 through gpgsm.</summary>
    X509,
}

namespace GitRegistry.Tests.Signing;

/// <summary>A key pair on disk: the private key file (user.signingkey) and the public key line.</summary>
public sealed record SigningKey(string PrivateKeyPath, string PublicKeyLine)
{
    /// <summary><c>keytype base64</c> without the comment, as allowed-signers lines want it.</summary>
    public string PublicKey => string.Join(' ', PublicKeyLine.Split(' ').Take(2));
}

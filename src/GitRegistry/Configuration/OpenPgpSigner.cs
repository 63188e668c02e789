namespace GitRegistry.Configuration;

/// <summary>An OpenPGP key allowed to sign for a principal.</summary>
public sealed class OpenPgpSigner
{
    /// <summary>The e-mail the key signs for.</summary>
    public required string Principal { get; init; }

    /// <summary>The key's full fingerprint (40 hex characters).</summary>
    public required string Fingerprint { get; init; }
}

namespace GitRegistry.Testing;

/// <summary>The kinds of SSH key git can sign commits with.</summary>
public enum SshKeyType
{
    /// <summary><c>ssh-keygen -t ed25519</c></summary>
    Ed25519,
    /// <summary><c>ssh-keygen -t ecdsa -b 256</c></summary>
    EcdsaP256,
    /// <summary><c>ssh-keygen -t ecdsa -b 384</c></summary>
    EcdsaP384,
    /// <summary><c>ssh-keygen -t ecdsa -b 521</c></summary>
    EcdsaP521,
    /// <summary><c>ssh-keygen -t rsa -b 3072</c></summary>
    Rsa3072,
}

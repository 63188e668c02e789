namespace GitRegistry.Signing;

/// <summary>The verdict on a commit's signature.</summary>
public enum CommitSignatureStatus
{
    /// <summary>A valid SSH signature for namespace <c>git</c> by a key the allowed signers let the committer use at the commit's time.</summary>
    Good,
    /// <summary>The commit has no signature.</summary>
    Unsigned,
    /// <summary>The signature is malformed, does not match the commit, or uses a rejected algorithm (ssh-rsa with SHA-1).</summary>
    BadSignature,
    /// <summary>The signature is valid, but no allowed-signers line lists its key.</summary>
    UnknownKey,
    /// <summary>The signature was made for another namespace than <c>git</c>, or the key's <c>namespaces</c> option excludes <c>git</c>.</summary>
    WrongNamespace,
    /// <summary>The key's <c>valid-after</c> is later than the commit's committer time.</summary>
    KeyNotYetValid,
    /// <summary>The key's <c>valid-before</c> is earlier than the commit's committer time.</summary>
    KeyExpired,
    /// <summary>
    /// The signature is good for some principal (git itself would accept it), but the key is not allowed to sign
    /// as the committer's e-mail address.
    /// </summary>
    PrincipalMismatch,
    /// <summary>
    /// A signature this verifier does not check in-process: OpenPGP, X.509, or an SSH signature by a certificate,
    /// security key or DSA key.
    /// </summary>
    Unsupported,
}

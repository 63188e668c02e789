namespace GitRegistry.Signing;

/// <summary>What an allowed-signers file says about a key used by a principal, in a namespace, at a time.</summary>
public enum SignerAuthorization
{
    /// <summary>Some line allows it.</summary>
    Allowed,
    /// <summary>No line lists the key (for that principal, when one is asked about).</summary>
    UnknownKey,
    /// <summary>The key is listed, but its <c>namespaces</c> option excludes the namespace.</summary>
    WrongNamespace,
    /// <summary>The key is listed, but only from a <c>valid-after</c> time later than the time asked about.</summary>
    NotYetValid,
    /// <summary>The key is listed, but only up to a <c>valid-before</c> time earlier than the time asked about.</summary>
    Expired,
}

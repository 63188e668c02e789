namespace GitRegistry.Signing;

/// <summary>
/// One line of an allowed-signers file: <c>principal[,principal...] [options] keytype base64key [comment]</c>.
/// </summary>
public sealed class AllowedSigner
{
    private readonly string _principals;
    private readonly string? _namespaces;

    internal AllowedSigner(int line, string principals, SshPublicKey key, bool isCertificateAuthority, string? namespaces, DateTimeOffset? validAfter, DateTimeOffset? validBefore)
    {
        Line = line;
        _principals = principals;
        _namespaces = namespaces;
        Key = key;
        IsCertificateAuthority = isCertificateAuthority;
        ValidAfter = validAfter;
        ValidBefore = validBefore;
        // ssh-keygen -Y find-principals prints the list up to its first empty entry.
        Principals = principals.Split(',').TakeWhile(p => p.Length > 0).ToList();
    }

    /// <summary>1-based line number in the file.</summary>
    public int Line { get; }

    /// <summary>The principals as written: e-mail addresses or OpenSSH patterns (<c>*</c>, <c>?</c>, and <c>!</c> to exclude).</summary>
    public IReadOnlyList<string> Principals { get; }

    /// <summary>The key, or for a <c>cert-authority</c> line the CA key that certifies signing keys.</summary>
    public SshPublicKey Key { get; }

    /// <summary>True for a <c>cert-authority</c> line.</summary>
    public bool IsCertificateAuthority { get; }

    /// <summary>The <c>namespaces</c> patterns, or null when the key may sign for any namespace.</summary>
    public IReadOnlyList<string>? Namespaces => _namespaces?.Split(',');

    /// <summary>The <c>valid-after</c> time, if any.</summary>
    public DateTimeOffset? ValidAfter { get; }

    /// <summary>The <c>valid-before</c> time, if any.</summary>
    public DateTimeOffset? ValidBefore { get; }

    /// <summary>True when <paramref name="principal"/> matches the line's principal patterns and none of its exclusions.</summary>
    public bool MatchesPrincipal(string principal) => OpenSshPattern.MatchesList(principal, _principals);

    /// <summary>True when the line lets the key sign for <paramref name="signatureNamespace"/>.</summary>
    public bool AllowsNamespace(string signatureNamespace) =>
        _namespaces is null || OpenSshPattern.MatchesList(signatureNamespace, _namespaces);

    /// <summary>
    /// Whether the line is in force at <paramref name="time"/>: <see cref="SignerAuthorization.Allowed"/>,
    /// <see cref="SignerAuthorization.NotYetValid"/> or <see cref="SignerAuthorization.Expired"/>. Both bounds are
    /// inclusive and compared to the second, as OpenSSH does.
    /// </summary>
    public SignerAuthorization CheckTime(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        if (ValidAfter is { } after && seconds < after.ToUnixTimeSeconds())
        {
            return SignerAuthorization.NotYetValid;
        }
        if (ValidBefore is { } before && seconds > before.ToUnixTimeSeconds())
        {
            return SignerAuthorization.Expired;
        }
        return SignerAuthorization.Allowed;
    }

    /// <inheritdoc/>
    public override string ToString() => $"line {Line}: {_principals} {Key.KeyType} {Key.Fingerprint}";
}

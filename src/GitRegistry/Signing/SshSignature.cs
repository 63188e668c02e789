using System.Security.Cryptography;
using System.Text;

namespace GitRegistry.Signing;

/// <summary>
/// An SSH signature (OpenSSH's SSHSIG format, as <c>ssh-keygen -Y sign</c> writes and git stores in a commit's
/// <c>gpgsig</c> header): the signer's public key, the namespace it was made for (<c>git</c> for commits), the
/// hash algorithm and the signature proper.
/// </summary>
public sealed class SshSignature
{
    /// <summary>The first line of an armored SSH signature.</summary>
    public const string ArmorHeader = "-----BEGIN SSH SIGNATURE-----";

    private const string ArmorFooter = "-----END SSH SIGNATURE-----";
    private static readonly byte[] Magic = "SSHSIG"u8.ToArray();

    private readonly byte[] _signature;

    private SshSignature(uint version, SshPublicKey publicKey, string @namespace, string hashAlgorithm, string signatureAlgorithm, byte[] signature)
    {
        Version = version;
        PublicKey = publicKey;
        Namespace = @namespace;
        HashAlgorithm = hashAlgorithm;
        SignatureAlgorithm = signatureAlgorithm;
        _signature = signature;
    }

    /// <summary>The format version (1).</summary>
    public uint Version { get; }

    /// <summary>The key that made the signature, as the signature itself states it.</summary>
    public SshPublicKey PublicKey { get; }

    /// <summary>What the signature was made for; git signs and verifies with <c>git</c>.</summary>
    public string Namespace { get; }

    /// <summary>The hash of the message that was signed: <c>sha512</c> (OpenSSH's default) or <c>sha256</c>.</summary>
    public string HashAlgorithm { get; }

    /// <summary>The signature algorithm, e.g. <c>ssh-ed25519</c> or <c>rsa-sha2-512</c>.</summary>
    public string SignatureAlgorithm { get; }

    /// <summary>Reads an armored signature (<c>-----BEGIN SSH SIGNATURE-----</c> … <c>-----END SSH SIGNATURE-----</c>).</summary>
    /// <exception cref="FormatException">The text is not a well-formed SSH signature.</exception>
    public static SshSignature Parse(string armored)
    {
        var text = armored.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith(ArmorHeader + "\n", StringComparison.Ordinal))
        {
            throw new FormatException("missing '" + ArmorHeader + "'");
        }
        var end = text.IndexOf("\n" + ArmorFooter, ArmorHeader.Length, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new FormatException("missing '" + ArmorFooter + "'");
        }
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(text[(ArmorHeader.Length + 1)..end]);
        }
        catch (FormatException)
        {
            throw new FormatException("the signature is not valid base64");
        }
        return FromBlob(blob);
    }

    /// <summary>Reads a signature from its binary (de-armored) form.</summary>
    /// <exception cref="FormatException">The blob is not a well-formed SSH signature.</exception>
    public static SshSignature FromBlob(byte[] blob)
    {
        var reader = new SshWireReader(blob);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new FormatException("missing the SSHSIG preamble");
        }
        // Like OpenSSH, refuse only versions newer than the one we know.
        var version = reader.ReadUInt32();
        if (version > 1)
        {
            throw new FormatException($"signature version {version} is newer than 1");
        }
        var publicKey = SshPublicKey.FromBlob(reader.ReadString());
        var @namespace = reader.ReadText();
        reader.ReadString(); // reserved
        var hashAlgorithm = reader.ReadText();
        var signature = reader.ReadString();
        reader.ExpectEnd("signature");
        var algorithm = new SshWireReader(signature).ReadText();
        return new SshSignature(version, publicKey, @namespace, hashAlgorithm, algorithm, signature);
    }

    /// <summary>
    /// True when the signature is valid over <paramref name="message"/> for the namespace it states. This checks
    /// the cryptography only: whether the key may sign, and for what, is for <see cref="AllowedSigners"/> to say.
    /// </summary>
    /// <exception cref="NotSupportedException">The key's type cannot verify (<see cref="SshPublicKey.CanVerify"/> is false).</exception>
    public bool Verify(ReadOnlySpan<byte> message) => Check(message) is null;

    /// <summary>True when the signature was made for <paramref name="expectedNamespace"/> and is valid over <paramref name="message"/>.</summary>
    /// <exception cref="NotSupportedException">The key's type cannot verify (<see cref="SshPublicKey.CanVerify"/> is false).</exception>
    public bool Verify(ReadOnlySpan<byte> message, string expectedNamespace) =>
        Namespace == expectedNamespace && Verify(message);

    /// <summary>Null when the signature is valid over <paramref name="message"/> for its own namespace, otherwise why not.</summary>
    internal string? Check(ReadOnlySpan<byte> message)
    {
        byte[] digest;
        switch (HashAlgorithm)
        {
            case "sha256":
                digest = SHA256.HashData(message);
                break;
            case "sha512":
                digest = SHA512.HashData(message);
                break;
            default:
                return $"unsupported hash algorithm '{HashAlgorithm}'";
        }
        // What the key actually signed: the preamble, namespace, an empty reserved field, hash name and digest.
        using var signed = new MemoryStream();
        signed.Write(Magic);
        WriteString(signed, Encoding.UTF8.GetBytes(Namespace));
        WriteString(signed, []);
        WriteString(signed, Encoding.UTF8.GetBytes(HashAlgorithm));
        WriteString(signed, digest);
        return PublicKey.CheckSignature(signed.GetBuffer().AsSpan(0, (int)signed.Length), _signature);
    }

    private static void WriteString(Stream stream, byte[] bytes)
    {
        var length = bytes.Length;
        stream.Write([(byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length]);
        stream.Write(bytes);
    }
}

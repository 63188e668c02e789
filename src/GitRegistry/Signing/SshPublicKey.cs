using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace GitRegistry.Signing;

/// <summary>
/// An OpenSSH public key, held as its wire-format blob (the base64 part of a <c>.pub</c> line). Two keys are equal
/// when their blobs are. Ed25519, ECDSA (nistp256/384/521) and RSA keys can verify signatures; other types that
/// OpenSSH knows (DSA, security keys, certificates) are kept so that they can be listed and compared.
/// </summary>
public sealed class SshPublicKey : IEquatable<SshPublicKey>
{
    /// <summary>Key types OpenSSH reads that we keep without verifying with them.</summary>
    private static readonly HashSet<string> OtherKnownTypes = new(StringComparer.Ordinal)
    {
        "ssh-dss", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
        "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com",
        "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com",
        "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com",
        "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
    };

    // OpenSSH's SSH_RSA_MINIMUM_MODULUS_SIZE and SSHBUF_MAX_BIGNUM.
    private const int MinimumRsaBits = 1024;
    private const int MaximumRsaBits = 16384;

    private readonly byte[] _blob;
    private readonly byte[]? _ed25519;
    private readonly ECParameters? _ecdsa;
    private readonly RSAParameters? _rsa;

    private SshPublicKey(string keyType, byte[] blob, byte[]? ed25519 = null, ECParameters? ecdsa = null, RSAParameters? rsa = null)
    {
        KeyType = keyType;
        _blob = blob;
        _ed25519 = ed25519;
        _ecdsa = ecdsa;
        _rsa = rsa;
        Fingerprint = "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
    }

    /// <summary>The key type as OpenSSH names it, e.g. <c>ssh-ed25519</c> or <c>ecdsa-sha2-nistp256</c>.</summary>
    public string KeyType { get; }

    /// <summary>The key in SSH wire format.</summary>
    public ReadOnlyMemory<byte> Blob => _blob;

    /// <summary>The fingerprint as <c>ssh-keygen -l</c> prints it: <c>SHA256:</c> and the unpadded base64 SHA-256 of the blob.</summary>
    public string Fingerprint { get; }

    /// <summary>True for the types we verify signatures with: Ed25519, ECDSA nistp256/384/521 and RSA.</summary>
    public bool CanVerify => _ed25519 is not null || _ecdsa is not null || _rsa is not null;

    /// <summary>Reads a key from its SSH wire-format blob.</summary>
    /// <exception cref="FormatException">The blob is malformed or of a type OpenSSH does not know.</exception>
    public static SshPublicKey FromBlob(byte[] blob)
    {
        var reader = new SshWireReader(blob);
        var type = reader.ReadText();
        switch (type)
        {
            case "ssh-ed25519":
            {
                var point = reader.ReadString();
                reader.ExpectEnd("ed25519 key");
                if (point.Length != 32)
                {
                    throw new FormatException("ed25519 key is not 32 bytes");
                }
                return new SshPublicKey(type, blob, ed25519: point);
            }
            case "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521":
            {
                var curveName = reader.ReadText();
                var point = reader.ReadString();
                reader.ExpectEnd("ecdsa key");
                if (curveName != type["ecdsa-sha2-".Length..])
                {
                    throw new FormatException($"ecdsa key of type {type} is on curve {curveName}");
                }
                var parameters = EcdsaParameters(curveName, point);
                return new SshPublicKey(type, blob, ecdsa: parameters);
            }
            case "ssh-rsa":
            {
                var exponent = reader.ReadUnsignedMpint();
                var modulus = reader.ReadUnsignedMpint();
                reader.ExpectEnd("rsa key");
                var bits = modulus.Length == 0 ? 0 : (modulus.Length - 1) * 8 + (8 - byte.LeadingZeroCount(modulus[0]));
                if (bits < MinimumRsaBits || bits > MaximumRsaBits)
                {
                    throw new FormatException($"rsa key of {bits} bits is outside {MinimumRsaBits}-{MaximumRsaBits}");
                }
                if (exponent.Length == 0)
                {
                    throw new FormatException("rsa key has a zero exponent");
                }
                // OpenSSH hashes and compares keys re-encoded with minimal mpints, so we keep that form.
                return new SshPublicKey(type, RsaBlob(exponent, modulus), rsa: new RSAParameters { Exponent = exponent, Modulus = modulus });
            }
            default:
                if (!OtherKnownTypes.Contains(type))
                {
                    throw new FormatException($"unknown key type '{type}'");
                }
                return new SshPublicKey(type, blob);
        }
    }

    /// <summary>Reads a key written as in a <c>.pub</c> file or an allowed-signers line: <c>type base64 [comment]</c>.</summary>
    /// <exception cref="FormatException">The text is not a key, or its type does not match its blob.</exception>
    public static SshPublicKey Parse(string text)
    {
        var parts = text.Trim().Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            throw new FormatException("expected 'keytype base64'");
        }
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            throw new FormatException("the key is not valid base64");
        }
        var key = FromBlob(blob);
        if (key.KeyType != parts[0])
        {
            throw new FormatException($"the line says {parts[0]} but the key is {key.KeyType}");
        }
        return key;
    }

    internal static bool IsKnownType(string type) =>
        type is "ssh-ed25519" or "ssh-rsa" or "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521" || OtherKnownTypes.Contains(type);

    /// <summary>
    /// Checks a signature blob (<c>string algorithm | string signature</c>) over <paramref name="data"/>.
    /// Returns null when it verifies, otherwise why not.
    /// </summary>
    internal string? CheckSignature(ReadOnlySpan<byte> data, byte[] signatureBlob)
    {
        string algorithm;
        byte[] signature;
        try
        {
            var reader = new SshWireReader(signatureBlob);
            algorithm = reader.ReadText();
            signature = reader.ReadString();
            reader.ExpectEnd("signature");
        }
        catch (FormatException e)
        {
            return "malformed signature: " + e.Message;
        }

        if (_ed25519 is not null)
        {
            return algorithm != KeyType ? $"{algorithm} signature from a {KeyType} key"
                : VerifyEd25519(_ed25519, data, signature) ? null : "the ed25519 signature does not match";
        }
        if (_ecdsa is { } ec)
        {
            return algorithm != KeyType ? $"{algorithm} signature from a {KeyType} key" : VerifyEcdsa(ec, data, signature);
        }
        if (_rsa is { } rsa)
        {
            var hash = algorithm switch
            {
                "rsa-sha2-256" => HashAlgorithmName.SHA256,
                "rsa-sha2-512" => HashAlgorithmName.SHA512,
                _ => (HashAlgorithmName?)null,
            };
            if (hash is null)
            {
                return algorithm == "ssh-rsa"
                    ? "ssh-rsa (SHA-1) signatures are not accepted; sign with rsa-sha2-256 or rsa-sha2-512"
                    : $"{algorithm} signature from an rsa key";
            }
            return VerifyRsa(rsa, data, signature, hash.Value);
        }
        throw new NotSupportedException($"{KeyType} signatures are not verified in-process");
    }

    private static bool VerifyEd25519(byte[] publicKey, ReadOnlySpan<byte> data, byte[] signature)
    {
        if (signature.Length != 64)
        {
            return false;
        }
        Ed25519PublicKeyParameters parameters;
        try
        {
            parameters = new Ed25519PublicKeyParameters(publicKey);
        }
        catch (ArgumentException)
        {
            return false;
        }
        var verifier = new Ed25519Signer();
        verifier.Init(false, parameters);
        verifier.BlockUpdate(data);
        return verifier.VerifySignature(signature);
    }

    private static string? VerifyEcdsa(ECParameters parameters, ReadOnlySpan<byte> data, byte[] signature)
    {
        // The ECDSA signature is itself a blob: mpint r | mpint s. The BCL wants them as fixed-width r || s.
        var fieldBytes = parameters.Q.X!.Length;
        byte[] r, s;
        try
        {
            var reader = new SshWireReader(signature);
            r = reader.ReadUnsignedMpint();
            s = reader.ReadUnsignedMpint();
            reader.ExpectEnd("ecdsa signature");
        }
        catch (FormatException e)
        {
            return "malformed ecdsa signature: " + e.Message;
        }
        if (r.Length > fieldBytes || s.Length > fieldBytes)
        {
            return "ecdsa signature values are larger than the curve";
        }
        var fixedWidth = new byte[2 * fieldBytes];
        r.CopyTo(fixedWidth, fieldBytes - r.Length);
        s.CopyTo(fixedWidth, 2 * fieldBytes - s.Length);
        var hash = fieldBytes switch
        {
            32 => HashAlgorithmName.SHA256,
            48 => HashAlgorithmName.SHA384,
            _ => HashAlgorithmName.SHA512,
        };
        using var ecdsa = ECDsa.Create(parameters);
        return ecdsa.VerifyData(data, fixedWidth, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? null : "the ecdsa signature does not match";
    }

    private static string? VerifyRsa(RSAParameters parameters, ReadOnlySpan<byte> data, byte[] signature, HashAlgorithmName hash)
    {
        // OpenSSH accepts signatures shorter than the modulus and pads them with leading zeros.
        var modulusBytes = parameters.Modulus!.Length;
        if (signature.Length > modulusBytes)
        {
            return "the rsa signature is longer than the key";
        }
        var padded = signature;
        if (signature.Length < modulusBytes)
        {
            padded = new byte[modulusBytes];
            signature.CopyTo(padded, modulusBytes - signature.Length);
        }
        using var rsa = RSA.Create(parameters);
        return rsa.VerifyData(data, padded, hash, RSASignaturePadding.Pkcs1) ? null : "the rsa signature does not match";
    }

    private static ECParameters EcdsaParameters(string curveName, byte[] point)
    {
        var (curve, fieldBytes) = curveName switch
        {
            "nistp256" => (ECCurve.NamedCurves.nistP256, 32),
            "nistp384" => (ECCurve.NamedCurves.nistP384, 48),
            _ => (ECCurve.NamedCurves.nistP521, 66),
        };
        // Only uncompressed points (0x04 | X | Y), as OpenSSH writes and reads them.
        if (point.Length != 1 + 2 * fieldBytes || point[0] != 0x04)
        {
            throw new FormatException($"ecdsa {curveName} key is not an uncompressed point");
        }
        var parameters = new ECParameters
        {
            Curve = curve,
            Q = new ECPoint { X = point[1..(1 + fieldBytes)], Y = point[(1 + fieldBytes)..] },
        };
        try
        {
            // Importing validates that the point is on the curve.
            using var check = ECDsa.Create(parameters);
        }
        catch (CryptographicException e)
        {
            throw new FormatException($"ecdsa {curveName} key is not a valid point: {e.Message}");
        }
        return parameters;
    }

    private static byte[] RsaBlob(byte[] exponent, byte[] modulus)
    {
        using var blob = new MemoryStream();
        void Write(byte[] bytes, bool mpint)
        {
            var pad = mpint && bytes.Length > 0 && (bytes[0] & 0x80) != 0;
            var length = bytes.Length + (pad ? 1 : 0);
            blob.Write([(byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length]);
            if (pad)
            {
                blob.WriteByte(0);
            }
            blob.Write(bytes);
        }
        Write(Encoding.ASCII.GetBytes("ssh-rsa"), mpint: false);
        Write(exponent, mpint: true);
        Write(modulus, mpint: true);
        return blob.ToArray();
    }

    /// <inheritdoc/>
    public bool Equals(SshPublicKey? other) => other is not null && _blob.AsSpan().SequenceEqual(other._blob);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SshPublicKey);

    /// <inheritdoc/>
    public override int GetHashCode() => Fingerprint.GetHashCode(StringComparison.Ordinal);

    /// <summary>The key as a <c>.pub</c> line without comment: <c>type base64</c>.</summary>
    public override string ToString() => $"{KeyType} {Convert.ToBase64String(_blob)}";
}

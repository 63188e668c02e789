using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace GitRegistry.Bench;

/// <summary>
/// An unencrypted OpenSSH ed25519 private key (as ssh-keygen -N "" writes it), signing in-process in SSHSIG format
/// exactly as <c>ssh-keygen -Y sign -n git</c> does, so that a fixture can sign thousands of commits in seconds.
/// </summary>
internal sealed class OpenSshEd25519Key
{
    private readonly Ed25519PrivateKeyParameters _private;
    private readonly byte[] _publicBlob;

    private OpenSshEd25519Key(Ed25519PrivateKeyParameters key, byte[] publicBlob)
    {
        _private = key;
        _publicBlob = publicBlob;
    }

    public static OpenSshEd25519Key Load(string path)
    {
        var armored = File.ReadAllLines(path).Where(l => !l.StartsWith("-----", StringComparison.Ordinal));
        var data = Convert.FromBase64String(string.Concat(armored));
        var reader = new Reader(data);
        if (Encoding.ASCII.GetString(reader.Bytes(15)) != "openssh-key-v1\0")
        {
            throw new FormatException("not an OpenSSH private key");
        }
        if (reader.Text() != "none")
        {
            throw new FormatException("the key is encrypted; the bench needs one made with -N \"\"");
        }
        reader.Text();
        reader.Text();
        reader.UInt32();
        var publicBlob = reader.String();
        var secrets = new Reader(reader.String());
        secrets.UInt32();
        secrets.UInt32();
        if (secrets.Text() != "ssh-ed25519")
        {
            throw new FormatException("not an ed25519 key");
        }
        secrets.String();
        var secret = secrets.String();
        return new OpenSshEd25519Key(new Ed25519PrivateKeyParameters(secret, 0), publicBlob);
    }

    /// <summary>An armored SSHSIG signature of <paramref name="message"/> in namespace <c>git</c>, hash sha512.</summary>
    public string SignGit(string message)
    {
        var hash = SHA512.HashData(Encoding.UTF8.GetBytes(message));
        var toSign = Concat(Encoding.ASCII.GetBytes("SSHSIG"), Str("git"u8), Str([]), Str("sha512"u8), Str(hash));
        var signer = new Ed25519Signer();
        signer.Init(true, _private);
        signer.BlockUpdate(toSign, 0, toSign.Length);
        var signature = signer.GenerateSignature();
        var blob = Concat(Encoding.ASCII.GetBytes("SSHSIG"), UInt32(1), Str(_publicBlob), Str("git"u8), Str([]), Str("sha512"u8),
            Str(Concat(Str("ssh-ed25519"u8), Str(signature))));
        var base64 = Convert.ToBase64String(blob);
        var lines = Enumerable.Range(0, (base64.Length + 69) / 70).Select(i => base64.Substring(i * 70, Math.Min(70, base64.Length - i * 70)));
        return "-----BEGIN SSH SIGNATURE-----\n" + string.Join("\n", lines) + "\n-----END SSH SIGNATURE-----";
    }

    private static byte[] UInt32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Str(ReadOnlySpan<byte> value) => Concat(UInt32(value.Length), value.ToArray());

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private sealed class Reader(byte[] data)
    {
        private int _at;

        public byte[] Bytes(int count)
        {
            var bytes = data[_at..(_at + count)];
            _at += count;
            return bytes;
        }

        public int UInt32() => BinaryPrimitives.ReadInt32BigEndian(Bytes(4));

        public byte[] String() => Bytes(UInt32());

        public string Text() => Encoding.ASCII.GetString(String());
    }
}

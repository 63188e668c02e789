using System.Security.Cryptography;
using System.Text;
using GitRegistry.Signing;
using Xunit;

namespace GitRegistry.Tests.Signing;

/// <summary>SSHSIG parsing and verification, on signatures made by ssh-keygen or built here and checked by it.</summary>
public sealed class SshSignatureTests(SigningFixture fixture) : IClassFixture<SigningFixture>
{
    private static readonly byte[] Message = [.. "model bytes\r\n\0 and more\n"u8, 0xff, 0xfe];

    public static TheoryData<string, int?, string> KeysAndHashes()
    {
        var data = new TheoryData<string, int?, string>();
        foreach (var (type, bits) in new (string, int?)[] { ("ed25519", null), ("ecdsa", 256), ("ecdsa", 384), ("ecdsa", 521), ("rsa", 3072) })
        {
            data.Add(type, bits, "sha256");
            data.Add(type, bits, "sha512");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(KeysAndHashes))]
    public void Verifies_what_ssh_keygen_signs_and_nothing_else(string type, int? bits, string hash)
    {
        var key = fixture.Key(type, bits);
        var file = WriteMessage(Message);
        fixture.Run("ssh-keygen", ["-q", "-Y", "sign", "-n", "file", "-Ohashalg=" + hash, "-f", key.PrivateKeyPath, file]).ShouldSucceed();

        var signature = SshSignature.Parse(File.ReadAllText(file + ".sig"));

        Assert.Equal(1u, signature.Version);
        Assert.Equal("file", signature.Namespace);
        Assert.Equal(hash, signature.HashAlgorithm);
        Assert.Equal(key.PublicKey, signature.PublicKey.ToString());
        Assert.Equal(fixture.Run("ssh-keygen", ["-l", "-E", "sha256", "-f", key.PrivateKeyPath + ".pub"]).ShouldSucceed().Text.Split(' ')[1],
            signature.PublicKey.Fingerprint);
        Assert.True(signature.Verify(Message));
        Assert.True(signature.Verify(Message, "file"));
        Assert.False(signature.Verify(Message, "git"));
        Assert.False(signature.Verify(Message.AsSpan(0, Message.Length - 1)));
        var altered = (byte[])Message.Clone();
        altered[0] ^= 1;
        Assert.False(signature.Verify(altered));
    }

    [Theory]
    [InlineData("ed25519", null)]
    [InlineData("ecdsa", 384)]
    [InlineData("rsa", 3072)]
    public void Signature_with_a_flipped_bit_fails_here_and_in_ssh_keygen(string type, int? bits)
    {
        var key = fixture.Key(type, bits);
        var file = WriteMessage(Message);
        fixture.Run("ssh-keygen", ["-q", "-Y", "sign", "-n", "git", "-f", key.PrivateKeyPath, file]).ShouldSucceed();
        var blob = Dearmor(File.ReadAllText(file + ".sig"));
        blob[^1] ^= 0x01; // the last byte belongs to the signature proper
        File.WriteAllText(file + ".sig", Armor(blob));

        var signature = SshSignature.Parse(File.ReadAllText(file + ".sig"));

        Assert.False(signature.Verify(Message));
        Assert.NotEqual(0, CheckWithSshKeygen(file, "git"));
    }

    [Theory]
    [InlineData("rsa-sha2-256", true)]
    [InlineData("rsa-sha2-512", true)]
    [InlineData("ssh-rsa", false)]
    public void Rsa_signatures_with_sha2_are_accepted_and_with_sha1_rejected_as_in_ssh_keygen(string algorithm, bool accepted)
    {
        // ssh-keygen itself only makes rsa-sha2-512 signatures, so these are built here, from a PEM key .NET reads.
        var path = Path.Combine(fixture.NewFolder("pem"), "id_rsa");
        fixture.Run("ssh-keygen", ["-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", "", "-f", path]).ShouldSucceed();
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        var publicBlob = Convert.FromBase64String(File.ReadAllText(path + ".pub").Split(' ')[1]);
        var hash = algorithm switch { "rsa-sha2-256" => HashAlgorithmName.SHA256, "rsa-sha2-512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA1 };
        var signed = Concat("SSHSIG"u8.ToArray(), Str("git"), Str(""), Str("sha512"), Str(SHA512.HashData(Message)));
        var inner = Concat(Str(algorithm), Str(rsa.SignData(signed, hash, RSASignaturePadding.Pkcs1)));
        var blob = Concat("SSHSIG"u8.ToArray(), [0, 0, 0, 1], Str(publicBlob), Str("git"), Str(""), Str("sha512"), Str(inner));
        var file = WriteMessage(Message);
        File.WriteAllText(file + ".sig", Armor(blob));

        var signature = SshSignature.Parse(File.ReadAllText(file + ".sig"));

        Assert.Equal(algorithm, signature.SignatureAlgorithm);
        Assert.Equal(accepted, CheckWithSshKeygen(file, "git") == 0);
        Assert.Equal(accepted, signature.Verify(Message, "git"));
    }

    [Fact]
    public void Newer_format_version_is_refused_as_in_ssh_keygen()
    {
        var key = fixture.Key("ed25519");
        var file = WriteMessage(Message);
        fixture.Run("ssh-keygen", ["-q", "-Y", "sign", "-n", "git", "-f", key.PrivateKeyPath, file]).ShouldSucceed();
        var blob = Dearmor(File.ReadAllText(file + ".sig"));
        blob[9] = 2; // the version's low byte, after the six-byte preamble
        File.WriteAllText(file + ".sig", Armor(blob));

        Assert.Throws<FormatException>(() => SshSignature.Parse(File.ReadAllText(file + ".sig")));
        Assert.NotEqual(0, CheckWithSshKeygen(file, "git"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-----BEGIN PGP SIGNATURE-----\nAAAA\n-----END PGP SIGNATURE-----\n")]
    [InlineData("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n")]
    [InlineData("-----BEGIN SSH SIGNATURE-----\n!!!!\n-----END SSH SIGNATURE-----\n")]
    [InlineData("-----BEGIN SSH SIGNATURE-----\nAAAAAAAA\n-----END SSH SIGNATURE-----\n")]
    [InlineData("-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAQ==\n-----END SSH SIGNATURE-----\n")]
    public void Malformed_armor_or_blob_is_a_format_error(string armored)
    {
        Assert.Throws<FormatException>(() => SshSignature.Parse(armored));
    }

    private string WriteMessage(byte[] message)
    {
        var file = Path.Combine(fixture.NewFolder("message"), "message");
        File.WriteAllBytes(file, message);
        return file;
    }

    /// <summary><c>ssh-keygen -Y check-novalidate</c>: the signature's own validity, without allowed signers.</summary>
    private int CheckWithSshKeygen(string file, string @namespace) =>
        fixture.Run("ssh-keygen", ["-Y", "check-novalidate", "-n", @namespace, "-s", file + ".sig"], input: File.ReadAllBytes(file)).ExitCode;

    private static byte[] Dearmor(string armored) =>
        Convert.FromBase64String(string.Concat(armored.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))));

    private static string Armor(byte[] blob) =>
        $"{SshSignature.ArmorHeader}\n{string.Join('\n', Convert.ToBase64String(blob).Chunk(70).Select(c => new string(c)))}\n-----END SSH SIGNATURE-----\n";

    private static byte[] Str(string text) => Str(Encoding.UTF8.GetBytes(text));

    private static byte[] Str(byte[] bytes) =>
        Concat([(byte)(bytes.Length >> 24), (byte)(bytes.Length >> 16), (byte)(bytes.Length >> 8), (byte)bytes.Length], bytes);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}

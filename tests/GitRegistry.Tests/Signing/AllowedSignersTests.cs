using GitRegistry.Signing;
using Xunit;

namespace GitRegistry.Tests.Signing;

/// <summary>
/// The allowed-signers parser and lookups, each case checked against what ssh-keygen answers for the same file:
/// <c>-Y find-principals</c> for who owns a key, <c>-Y verify -I</c> for whether a principal may use it.
/// </summary>
public sealed class AllowedSignersTests(SigningFixture fixture) : IClassFixture<SigningFixture>
{
    [Fact]
    public void Reads_principals_options_comments_and_quoted_values()
    {
        var key = fixture.Key("ed25519").PublicKey;
        var text = "# team signers\n\n   \t\n" +
            $"alice@example.com,bob@example.com NameSpaces=\"git,file\",VALID-AFTER=\"20240101\",valid-before=\"20250101123456Z\" {key} alice's laptop\r\n" +
            $"\"carol smith@example.com\" cert-authority {key}\n" +
            $"\t dave@example.com namespaces=\"a \\\"quoted\\\" ns\" {key}\n";
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        var signers = AllowedSigners.Parse(text, kolkata);

        Assert.Empty(signers.Problems);
        Assert.Equal([4, 5, 6], signers.Signers.Select(s => s.Line));
        var alice = signers.Signers[0];
        Assert.Equal(["alice@example.com", "bob@example.com"], alice.Principals);
        Assert.Equal(["git", "file"], alice.Namespaces!);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(5.5)), alice.ValidAfter);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 12, 34, 56, TimeSpan.Zero), alice.ValidBefore);
        Assert.Equal(key, alice.Key.ToString());
        Assert.False(alice.IsCertificateAuthority);
        Assert.Equal(["carol smith@example.com"], signers.Signers[1].Principals);
        Assert.True(signers.Signers[1].IsCertificateAuthority);
        Assert.Null(signers.Signers[1].Namespaces);
        Assert.Equal(["a \"quoted\" ns"], signers.Signers[2].Namespaces!);
    }

    [Theory]
    [InlineData("first@example.com", false)]
    [InlineData("first@example.com bogus=\"1\" KEY", false)]
    [InlineData("first@example.com namespaces=git KEY", false)]
    [InlineData("first@example.com namespaces=\"git KEY", false)]
    [InlineData("first@example.com namespaces=\"git\",namespaces=\"file\" KEY", false)]
    [InlineData("first@example.com namespaces=\"git\", KEY", false)]
    [InlineData("first@example.com valid-after=\"2024\" KEY", false)]
    [InlineData("first@example.com valid-after=\"20241301\" KEY", false)]
    [InlineData("first@example.com valid-after=\"20240101\",valid-before=\"20230101\" KEY", false)]
    [InlineData("first@example.com ssh-ed25519 not-base64!", false)]
    [InlineData("first@example.com ssh-rsa KEYDATA", false)]
    [InlineData("first@example.com KEY", true)]
    public void Lines_ssh_keygen_cannot_read_are_skipped_with_a_reason(string firstLine, bool valid)
    {
        var key = fixture.Key("ed25519");
        var line = firstLine.Replace("KEYDATA", key.PublicKey.Split(' ')[1], StringComparison.Ordinal).Replace("KEY", key.PublicKey, StringComparison.Ordinal);
        var text = $"{line}\nsecond@example.com {key.PublicKey}\n";
        var signature = Sign(key, "git");

        var signers = AllowedSigners.Parse(text, TimeZoneInfo.Utc);
        var ours = signers.FindPrincipals(signature.PublicKey, DateTimeOffset.UtcNow);

        var theirs = FindPrincipals(text, signature, "UTC", null);
        Assert.Equal(theirs, ours);
        if (valid)
        {
            // The control: a line that reads fine takes precedence over the second one.
            Assert.Equal(["first@example.com"], ours);
            Assert.Empty(signers.Problems);
        }
        else
        {
            Assert.Equal(["second@example.com"], ours);
            Assert.Equal(1, Assert.Single(signers.Problems).Line);
        }
    }

    [Theory]
    [InlineData("alice@example.com", "alice@example.com", true)]
    [InlineData("alice@example.com", "Alice@example.com", false)]
    [InlineData("*@example.com", "bob@example.com", true)]
    [InlineData("*@example.com", "bob@example.org", false)]
    [InlineData("?ob@example.com", "bob@example.com", true)]
    [InlineData("?ob@example.com", "bbob@example.com", false)]
    [InlineData("*@example.com,!eve@example.com", "bob@example.com", true)]
    [InlineData("*@example.com,!eve@example.com", "eve@example.com", false)]
    [InlineData("alice@example.com,bob@example.com", "bob@example.com", true)]
    [InlineData("a*b*c", "aXbYbc", true)]
    [InlineData("a*b*c", "aXbYc_", false)]
    [InlineData("*", "anyone", true)]
    public void Principal_patterns_match_as_in_ssh_keygen(string principals, string principal, bool expected)
    {
        var key = fixture.Key("ed25519");
        var text = $"{principals} {key.PublicKey}\n";
        var signature = Sign(key, "git");

        var ours = AllowedSigners.Parse(text, TimeZoneInfo.Utc).Authorize(principal, signature.PublicKey, "git", DateTimeOffset.UtcNow);

        Assert.Equal(expected, Verify(text, signature, "git", principal, "UTC", null));
        Assert.Equal(expected ? SignerAuthorization.Allowed : SignerAuthorization.UnknownKey, ours);
    }

    [Theory]
    [InlineData("git", "git", true)]
    [InlineData("git,file", "file", true)]
    [InlineData("gi?", "git", true)]
    [InlineData("*,!git", "git", false)]
    [InlineData("*,!git", "file", true)]
    [InlineData("file", "git", false)]
    [InlineData("", "git", false)]
    public void Namespace_patterns_match_as_in_ssh_keygen(string namespaces, string signatureNamespace, bool expected)
    {
        var key = fixture.Key("ed25519");
        var text = $"alice@example.com namespaces=\"{namespaces}\" {key.PublicKey}\n";
        var signature = Sign(key, signatureNamespace);

        var ours = AllowedSigners.Parse(text, TimeZoneInfo.Utc).Authorize("alice@example.com", signature.PublicKey, signatureNamespace, DateTimeOffset.UtcNow);

        Assert.Equal(expected, Verify(text, signature, signatureNamespace, "alice@example.com", "UTC", null));
        Assert.Equal(expected ? SignerAuthorization.Allowed : SignerAuthorization.WrongNamespace, ours);
    }

    [Theory]
    // Local times in UTC, at each precision, and the explicit UTC forms.
    [InlineData("UTC", "valid-after=\"20240101\"", "2023-12-31T23:59:59Z", false)]
    [InlineData("UTC", "valid-after=\"20240101\"", "2024-01-01T00:00:00Z", true)]
    [InlineData("UTC", "valid-after=\"202401011230\"", "2024-01-01T12:29:59Z", false)]
    [InlineData("UTC", "valid-after=\"202401011230\"", "2024-01-01T12:30:00Z", true)]
    [InlineData("UTC", "valid-after=\"20240101123045\"", "2024-01-01T12:30:44Z", false)]
    [InlineData("UTC", "valid-after=\"20240101123045\"", "2024-01-01T12:30:45Z", true)]
    [InlineData("UTC", "valid-after=\"20240101123045Z\"", "2024-01-01T12:30:44Z", false)]
    [InlineData("UTC", "valid-after=\"20240101123045utc\"", "2024-01-01T12:30:45Z", true)]
    [InlineData("UTC", "valid-before=\"20240101\"", "2024-01-01T00:00:00Z", true)]
    [InlineData("UTC", "valid-before=\"20240101\"", "2024-01-01T00:00:01Z", false)]
    // A day past the month's end rolls over, as mktime does: 30 February 2024 is 1 March.
    [InlineData("UTC", "valid-after=\"20240230\"", "2024-02-29T23:59:59Z", false)]
    [InlineData("UTC", "valid-after=\"20240230\"", "2024-03-01T00:00:00Z", true)]
    // Local times in a zone without daylight saving (UTC+05:30); Z still means UTC.
    [InlineData("Asia/Kolkata", "valid-after=\"20240101\"", "2023-12-31T18:29:59Z", false)]
    [InlineData("Asia/Kolkata", "valid-after=\"20240101\"", "2023-12-31T18:30:00Z", true)]
    [InlineData("Asia/Kolkata", "valid-after=\"20240101Z\"", "2023-12-31T23:59:59Z", false)]
    [InlineData("Asia/Kolkata", "valid-after=\"20240101Z\"", "2024-01-01T00:00:00Z", true)]
    [InlineData("Asia/Kolkata", "valid-before=\"20240101\"", "2023-12-31T18:30:00Z", true)]
    [InlineData("Asia/Kolkata", "valid-before=\"20240101\"", "2023-12-31T18:30:01Z", false)]
    public void Validity_times_agree_with_ssh_keygen_at_their_boundaries(string zone, string options, string time, bool expected)
    {
        var key = fixture.Key("ed25519");
        var text = $"alice@example.com {options} {key.PublicKey}\n";
        var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        var signature = Sign(key, "git");

        var ours = AllowedSigners.Parse(text, TimeZoneInfo.FindSystemTimeZoneById(zone)).FindPrincipals(signature.PublicKey, at);

        Assert.Equal(expected ? ["alice@example.com"] : [], FindPrincipals(text, signature, zone, at));
        Assert.Equal(expected ? ["alice@example.com"] : [], ours);
    }

    [Theory]
    [InlineData("2019-06-01T00:00:00Z", "old@example.com")]
    [InlineData("2021-06-01T00:00:00Z", "new@example.com,also@example.com")]
    public void Owner_of_a_key_is_the_first_line_in_force_as_in_ssh_keygen(string time, string expected)
    {
        var key = fixture.Key("ed25519");
        var other = fixture.Key("ed25519", name: "other");
        var text = $"someone@example.com {other.PublicKey}\nold@example.com valid-before=\"20200101Z\" {key.PublicKey}\n" +
            $"new@example.com,also@example.com {key.PublicKey}\nlast@example.com {key.PublicKey}\n";
        var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
        var signature = Sign(key, "git");

        var ours = AllowedSigners.Parse(text, TimeZoneInfo.Utc).FindPrincipals(signature.PublicKey, at);

        Assert.Equal(expected.Split(','), FindPrincipals(text, signature, "UTC", at));
        Assert.Equal(expected.Split(','), ours);
    }

    [Fact]
    public void Missing_file_is_a_signing_error_that_says_how_to_fix_it()
    {
        var missing = Path.Combine(fixture.NewFolder("missing"), "allowed_signers");

        var error = Assert.Throws<RegistryException>(() => AllowedSigners.Load(missing));

        Assert.Equal(ErrorKind.Signing, error.Kind);
        Assert.Contains("gpg.ssh.allowedSignersFile", error.Fix);
    }

    private sealed record SignedMessage(string MessageFile, string SignatureFile, SshPublicKey PublicKey);

    /// <summary>Signs a small message with <c>ssh-keygen -Y sign -n NAMESPACE</c>.</summary>
    private SignedMessage Sign(SigningKey key, string @namespace)
    {
        var message = Path.Combine(fixture.NewFolder("message"), "message");
        File.WriteAllText(message, "the message\n");
        fixture.Run("ssh-keygen", ["-q", "-Y", "sign", "-n", @namespace, "-f", key.PrivateKeyPath, message]).ShouldSucceed();
        return new SignedMessage(message, message + ".sig", SshSignature.Parse(File.ReadAllText(message + ".sig")).PublicKey);
    }

    private string WriteFile(string text)
    {
        var path = Path.Combine(fixture.NewFolder("allowed"), "allowed_signers");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary><c>ssh-keygen -Y find-principals</c>: the principals it prints, one per line (none when it fails).</summary>
    private string[] FindPrincipals(string allowedSigners, SignedMessage signed, string zone, DateTimeOffset? at)
    {
        List<string> arguments = ["-Y", "find-principals", "-f", WriteFile(allowedSigners), "-s", signed.SignatureFile];
        if (at is not null)
        {
            arguments.Add($"-Overify-time={at.Value.UtcDateTime:yyyyMMddHHmmss}Z");
        }
        var result = fixture.Run("ssh-keygen", arguments, environment: new Dictionary<string, string?> { ["TZ"] = zone });
        return result.ExitCode == 0 ? result.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];
    }

    /// <summary><c>ssh-keygen -Y verify -n NAMESPACE -I PRINCIPAL</c>: true when it says the signature is good.</summary>
    private bool Verify(string allowedSigners, SignedMessage signed, string @namespace, string principal, string zone, DateTimeOffset? at)
    {
        List<string> arguments = ["-Y", "verify", "-n", @namespace, "-I", principal, "-f", WriteFile(allowedSigners), "-s", signed.SignatureFile];
        if (at is not null)
        {
            arguments.Add($"-Overify-time={at.Value.UtcDateTime:yyyyMMddHHmmss}Z");
        }
        var result = fixture.Run("ssh-keygen", arguments, input: File.ReadAllBytes(signed.MessageFile),
            environment: new Dictionary<string, string?> { ["TZ"] = zone });
        return result.ExitCode == 0;
    }
}

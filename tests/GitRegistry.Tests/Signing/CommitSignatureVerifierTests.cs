using System.Text;
using GitRegistry.Signing;
using LibGit2Sharp;
using Xunit;

namespace GitRegistry.Tests.Signing;

/// <summary>
/// Commits made and signed by the plain git CLI, judged by <see cref="CommitSignatureVerifier"/> and, every time,
/// by <c>git verify-commit</c> with the same allowed-signers file.
/// </summary>
public sealed class CommitSignatureVerifierTests(SigningFixture fixture) : IClassFixture<SigningFixture>
{
    private const string Alice = "alice@example.com";

    public static TheoryData<string, int?, string> KeyTypes => new()
    {
        { "ed25519", null, "ssh-ed25519" },
        { "ecdsa", 256, "ecdsa-sha2-nistp256" },
        { "ecdsa", 384, "ecdsa-sha2-nistp384" },
        { "ecdsa", 521, "ecdsa-sha2-nistp521" },
        { "rsa", 3072, "rsa-sha2-512" },
    };

    [Theory]
    [MemberData(nameof(KeyTypes))]
    public void Signed_commit_by_an_allowed_committer_is_good_as_git_says(string type, int? bits, string algorithm)
    {
        var key = fixture.Key(type, bits);
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Register churn v1 — modèle ✓", key);

        var (ours, git) = Judge(repo, id, $"{Alice} {key.PublicKey}\n");

        Assert.Equal(CommitSignatureStatus.Good, ours.Status);
        Assert.Equal(0, git.ExitCode);
        Assert.Contains($"Good \"git\" signature for {Alice}", git.Error);
        Assert.Equal(Alice, ours.Principal);
        Assert.Equal(Alice, ours.CommitterEmail);
        Assert.Equal(SigningFormat.Ssh, ours.Format);
        Assert.Equal(Fingerprint(key), ours.KeyFingerprint);
        Assert.Contains(ours.KeyFingerprint!, git.Error);
        using var git2 = new Repository(repo.Path);
        Assert.Equal(algorithm, SshSignature.Parse(Commit.ExtractSignature(git2, new ObjectId(id)).Signature).SignatureAlgorithm);
    }

    [Fact]
    public void Message_changed_after_signing_is_a_bad_signature()
    {
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var signed = repo.Commit("Move churn v3 to Staging", key);
        var raw = Encoding.UTF8.GetString(repo.RawCommit(signed));
        Assert.Contains("\ngpgsig -----BEGIN SSH SIGNATURE-----", raw);
        var tampered = repo.WriteCommit(Encoding.UTF8.GetBytes(raw.Replace("to Staging", "to Production", StringComparison.Ordinal)));
        Assert.NotEqual(signed, tampered);

        var (ours, git) = Judge(repo, tampered, $"{Alice} {key.PublicKey}\n");

        Assert.Equal(CommitSignatureStatus.BadSignature, ours.Status);
        Assert.NotEqual(0, git.ExitCode);
        Assert.Equal(Fingerprint(key), ours.KeyFingerprint);
    }

    [Fact]
    public void Signature_added_by_hand_for_namespace_git_is_good()
    {
        // The control for the namespace test below: the same injection, with the namespace git uses.
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var unsigned = repo.Commit("Unsigned");
        var id = repo.WriteWithSignature(unsigned, SignPayload(repo, unsigned, key, "git"));

        var (ours, git) = Judge(repo, id, $"{Alice} {key.PublicKey}\n");

        Assert.Equal(0, git.ExitCode);
        Assert.Equal(CommitSignatureStatus.Good, ours.Status);
    }

    [Fact]
    public void Signature_made_for_namespace_file_is_the_wrong_namespace()
    {
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var unsigned = repo.Commit("Unsigned");
        var id = repo.WriteWithSignature(unsigned, SignPayload(repo, unsigned, key, "file"));

        var (ours, git) = Judge(repo, id, $"{Alice} {key.PublicKey}\n");

        Assert.Equal(CommitSignatureStatus.WrongNamespace, ours.Status);
        Assert.NotEqual(0, git.ExitCode);
        Assert.Contains("namespace 'file'", ours.Detail);
    }

    [Fact]
    public void Key_whose_namespaces_option_excludes_git_is_the_wrong_namespace()
    {
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Signed", key);

        var (ours, git) = Judge(repo, id, $"{Alice} namespaces=\"file,ssh-*\" {key.PublicKey}\n");

        Assert.Equal(CommitSignatureStatus.WrongNamespace, ours.Status);
        Assert.NotEqual(0, git.ExitCode);
    }

    [Fact]
    public void Key_not_in_the_allowed_signers_is_unknown()
    {
        var key = fixture.Key("ed25519");
        var other = fixture.Key("ed25519", name: "other");
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Signed", key);

        var (ours, git) = Judge(repo, id, $"{Alice} {other.PublicKey}\n");

        Assert.Equal(CommitSignatureStatus.UnknownKey, ours.Status);
        Assert.NotEqual(0, git.ExitCode);
        Assert.Null(ours.Principal);
        Assert.Equal(Fingerprint(key), ours.KeyFingerprint);
    }

    [Fact]
    public void Commit_made_before_valid_after_is_not_yet_valid()
    {
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Old", key, date: "2020-06-01T12:00:00Z");

        var (ours, git) = Judge(repo, id, $"{Alice} valid-after=\"20210101\" {key.PublicKey}\n");

        Assert.Equal(CommitSignatureStatus.KeyNotYetValid, ours.Status);
        Assert.NotEqual(0, git.ExitCode);
        Assert.Equal(new DateTimeOffset(2020, 6, 1, 12, 0, 0, TimeSpan.Zero), ours.CommitterTime);
    }

    [Fact]
    public void Commit_made_after_valid_before_is_expired()
    {
        var key = fixture.Key("ecdsa", 256);
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Late", key, date: "2020-06-01T12:00:00Z");

        var (ours, git) = Judge(repo, id, $"{Alice} valid-before=\"20200601115959Z\" {key.PublicKey}\n");

        Assert.Equal(CommitSignatureStatus.KeyExpired, ours.Status);
        Assert.NotEqual(0, git.ExitCode);
        Assert.Contains("2020-06-01 11:59:59Z", ours.Detail);
    }

    [Theory]
    [InlineData("20200601120000Z", "20200601120001Z")]
    [InlineData("20200601115959Z", "20200601120000Z")]
    public void Commit_made_inside_the_validity_window_is_good_even_though_the_window_is_over(string validAfter, string validBefore)
    {
        // Validity is judged at the committer time, not now, and both bounds include their second.
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("In time", key, date: "2020-06-01T12:00:00Z");

        var (ours, git) = Judge(repo, id, $"{Alice} valid-after=\"{validAfter}\",valid-before=\"{validBefore}\" {key.PublicKey}\n");

        Assert.Equal(0, git.ExitCode);
        Assert.Equal(CommitSignatureStatus.Good, ours.Status);
    }

    [Theory]
    [InlineData("2024-06-30T21:59:59Z", false)]
    [InlineData("2024-06-30T22:00:00Z", true)]
    public void Valid_after_without_Z_is_local_wall_clock_time_as_git_compares_it(string committed, bool good)
    {
        // 2024-07-01 00:00 in Berlin is 22:00 UTC (summer time). ssh-keygen alone would read it as standard time
        // (23:00 UTC), but git hands it the commit time as local wall-clock time too, so git lands on 22:00.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Summer", key, date: committed, timeZone: "Europe/Berlin");

        var (ours, git) = Judge(repo, id, $"{Alice} valid-after=\"20240701\" {key.PublicKey}\n", berlin, "Europe/Berlin");

        Assert.Equal(good, git.ExitCode == 0);
        Assert.Equal(good ? CommitSignatureStatus.Good : CommitSignatureStatus.KeyNotYetValid, ours.Status);
    }

    [Fact]
    public void Valid_after_with_Z_is_exact_where_git_in_summer_time_is_an_hour_off()
    {
        // A deliberate difference: git passes ssh-keygen the commit time as Berlin wall-clock time (01:30 CEST),
        // which ssh-keygen reads as standard time (00:30 UTC), so in Berlin git accepts a commit made half an hour
        // before valid-after. In UTC git rejects it, and so do we, whatever the zone.
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Half an hour early", key, date: "2024-06-30T23:30:00Z", timeZone: "Europe/Berlin");
        var allowed = $"{Alice} valid-after=\"20240701000000Z\" {key.PublicKey}\n";

        var (inBerlin, gitInBerlin) = Judge(repo, id, allowed, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), "Europe/Berlin");
        var (inUtc, gitInUtc) = Judge(repo, id, allowed, TimeZoneInfo.Utc, "UTC");

        Assert.Equal(0, gitInBerlin.ExitCode);
        Assert.NotEqual(0, gitInUtc.ExitCode);
        Assert.Equal(CommitSignatureStatus.KeyNotYetValid, inBerlin.Status);
        Assert.Equal(CommitSignatureStatus.KeyNotYetValid, inUtc.Status);
    }

    [Fact]
    public void Unsigned_commit_is_unsigned()
    {
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Not signed");

        var (ours, git) = Judge(repo, id, $"{Alice} {fixture.Key("ed25519").PublicKey}\n");

        Assert.Equal(CommitSignatureStatus.Unsigned, ours.Status);
        Assert.NotEqual(0, git.ExitCode);
        Assert.Null(ours.Format);
        Assert.Null(ours.KeyFingerprint);
    }

    [Fact]
    public void Key_of_another_principal_is_good_for_git_but_a_principal_mismatch()
    {
        // Bob's key signs a commit that says Alice made it: git only asks whether the key is listed.
        var bobs = fixture.Key("ed25519", name: "bob");
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Pretending to be Alice", bobs);

        var (ours, git) = Judge(repo, id, $"bob@example.com {bobs.PublicKey}\n{Alice} {fixture.Key("ed25519").PublicKey}\n");

        Assert.Equal(0, git.ExitCode);
        Assert.Contains("Good \"git\" signature for bob@example.com", git.Error);
        Assert.Equal(CommitSignatureStatus.PrincipalMismatch, ours.Status);
        Assert.Equal("bob@example.com", ours.Principal);
        Assert.Equal(Alice, ours.CommitterEmail);
        Assert.Contains($"the committer {Alice}", ours.Detail);
    }

    [Fact]
    public void Pattern_principal_that_covers_the_committer_is_good()
    {
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Signed", key);

        var (ours, git) = Judge(repo, id, $"*@example.com {key.PublicKey}\n");

        Assert.Equal(0, git.ExitCode);
        Assert.Contains("Good \"git\" signature for *@example.com", git.Error);
        Assert.Equal(CommitSignatureStatus.Good, ours.Status);
        Assert.Equal("*@example.com", ours.Principal);
    }

    [Fact]
    public void Committer_excluded_from_a_pattern_principal_is_a_principal_mismatch()
    {
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Signed", key, email: "mallory@example.com");

        var (ours, git) = Judge(repo, id, $"*@example.com,!mallory@example.com {key.PublicKey}\n");

        Assert.Equal(0, git.ExitCode);
        Assert.Equal(CommitSignatureStatus.PrincipalMismatch, ours.Status);
    }

    [Fact]
    public void First_line_with_the_key_decides_the_principal_as_in_git()
    {
        // ssh-keygen -Y find-principals stops at the first line with the key, even one that excludes namespace
        // git, so git rejects this commit although the second line would allow it; we agree.
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Signed", key);

        var (ours, git) = Judge(repo, id, $"files@example.com namespaces=\"file\" {key.PublicKey}\n{Alice} {key.PublicKey}\n");

        Assert.NotEqual(0, git.ExitCode);
        Assert.Equal(CommitSignatureStatus.WrongNamespace, ours.Status);
    }

    [Fact]
    public void Unreadable_lines_before_the_signer_are_skipped_as_git_skips_them()
    {
        var key = fixture.Key("ecdsa", 384);
        var repo = new ScratchRepository(fixture);
        var id = repo.Commit("Signed", key);
        var text = $"# team\n\njust-a-name\n{Alice} bogus=\"1\" {key.PublicKey}\n{Alice} {key.PublicKey} alice's laptop\n";

        var (ours, git) = Judge(repo, id, text);

        Assert.Equal(0, git.ExitCode);
        Assert.Equal(CommitSignatureStatus.Good, ours.Status);
    }

    [Fact]
    public void OpenPgp_signed_commit_is_unsupported()
    {
        var gnupgHome = Directory.CreateTempSubdirectory("grs-").FullName;
        try
        {
            var environment = new Dictionary<string, string?> { ["GNUPGHOME"] = gnupgHome };
            fixture.Run("gpg", ["--batch", "--passphrase", "", "--quick-gen-key", $"Alice <{Alice}>", "ed25519", "sign", "never"], environment: environment).ShouldSucceed();
            var repo = new ScratchRepository(fixture);
            repo.Git(["-c", "user.name=Alice Example", "-c", $"user.email={Alice}", "-c", $"user.signingkey={Alice}", "commit", "--quiet", "--allow-empty", "-S", "-m", "PGP"], null, environment).ShouldSucceed();
            var id = repo.Git("rev-parse", "HEAD").ShouldSucceed().Text.Trim();
            var git = repo.Git(["verify-commit", id], null, environment);
            using var git2 = new Repository(repo.Path);

            var ours = new CommitSignatureVerifier(AllowedSigners.Parse("")).Verify(git2, id);

            Assert.Equal(0, git.ExitCode);
            Assert.Equal(CommitSignatureStatus.Unsupported, ours.Status);
            Assert.Equal(SigningFormat.OpenPgp, ours.Format);
        }
        finally
        {
            fixture.Run("gpgconf", ["--kill", "gpg-agent"], environment: new Dictionary<string, string?> { ["GNUPGHOME"] = gnupgHome });
            Directory.Delete(gnupgHome, recursive: true);
        }
    }

    [Fact]
    public void Commit_that_does_not_exist_is_not_found()
    {
        var repo = new ScratchRepository(fixture);
        repo.Commit("Something");
        using var git = new Repository(repo.Path);

        Assert.Throws<NotFoundException>(() => new CommitSignatureVerifier(AllowedSigners.Parse("")).Verify(git, new string('1', 40)));
    }

    [Fact]
    public void Verifying_in_process_is_much_faster_than_git_verify_commit()
    {
        var key = fixture.Key("ed25519");
        var repo = new ScratchRepository(fixture);
        var ids = Enumerable.Range(0, 20).Select(i => repo.Commit($"Commit {i}", key)).ToList();
        var allowed = repo.WriteAllowedSigners($"{Alice} {key.PublicKey}\n");
        using var git = new Repository(repo.Path);
        var verifier = new CommitSignatureVerifier(AllowedSigners.Load(allowed, TimeZoneInfo.Utc));
        verifier.Verify(git, ids[0]); // warm up

        var ours = System.Diagnostics.Stopwatch.StartNew();
        const int rounds = 10;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var id in ids)
            {
                Assert.Equal(CommitSignatureStatus.Good, verifier.Verify(git, id).Status);
            }
        }
        ours.Stop();
        var theirs = System.Diagnostics.Stopwatch.StartNew();
        foreach (var id in ids)
        {
            Assert.Equal(0, repo.VerifyWithGit(id, allowed).ExitCode);
        }
        theirs.Stop();

        var oursPerCommit = ours.Elapsed.TotalMilliseconds / (rounds * ids.Count);
        var gitPerCommit = theirs.Elapsed.TotalMilliseconds / ids.Count;
        TestContext.Current.TestOutputHelper?.WriteLine($"in-process: {oursPerCommit:F3} ms/commit; git verify-commit: {gitPerCommit:F1} ms/commit");
        Assert.True(oursPerCommit < gitPerCommit, $"in-process {oursPerCommit:F3} ms/commit vs git {gitPerCommit:F1} ms/commit");
    }

    private (CommitSignatureResult Ours, ToolResult Git) Judge(ScratchRepository repo, string id, string allowedSigners,
        TimeZoneInfo? zone = null, string timeZone = "UTC")
    {
        var file = repo.WriteAllowedSigners(allowedSigners);
        using var git = new Repository(repo.Path);
        var ours = new CommitSignatureVerifier(AllowedSigners.Load(file, zone ?? TimeZoneInfo.Utc)).Verify(git, id);
        Assert.Equal(id, ours.CommitId);
        return (ours, repo.VerifyWithGit(id, file, timeZone));
    }

    /// <summary>Signs the raw (unsigned) commit object with <c>ssh-keygen -Y sign -n NAMESPACE</c>.</summary>
    private string SignPayload(ScratchRepository repo, string id, SigningKey key, string @namespace)
    {
        var payload = Path.Combine(fixture.NewFolder("payload"), "commit");
        File.WriteAllBytes(payload, repo.RawCommit(id));
        fixture.Run("ssh-keygen", ["-q", "-Y", "sign", "-n", @namespace, "-f", key.PrivateKeyPath, payload]).ShouldSucceed();
        return File.ReadAllText(payload + ".sig");
    }

    private string Fingerprint(SigningKey key) =>
        fixture.Run("ssh-keygen", ["-l", "-E", "sha256", "-f", key.PrivateKeyPath + ".pub"]).ShouldSucceed().Text.Split(' ')[1];
}

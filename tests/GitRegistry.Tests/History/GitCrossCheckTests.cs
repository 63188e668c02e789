namespace GitRegistry.Tests.History;

/// <summary>What the real git CLI says about the commits gitreg makes: signed, well-formed, with trailers.</summary>
public sealed class GitCrossCheckTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Git_verify_commit_accepts_every_commit_of_a_series_of_writes(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        RegistryHistory.WriteEveryKind(registry);

        var commits = Git.Lines(registry.Root, "rev-list", "main");

        Assert.Equal(RegistryHistory.Actions.Length, commits.Count);
        Assert.All(commits, commit =>
        {
            var verified = registry.Git("verify-commit", "-v", commit);
            Assert.True(verified.Succeeded, $"{commit}: {verified.StandardError}");
            Assert.Contains($"Good \"git\" signature for {TestEnvironment.UserEmail}", verified.StandardError);
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Git_fsck_strict_finds_nothing_wrong_after_a_series_of_writes(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        RegistryHistory.WriteEveryKind(registry);

        var fsck = registry.Git("fsck", "--strict", "--no-dangling");

        Assert.True(fsck.Succeeded, fsck.StandardError + fsck.StandardOutput);
        Assert.Equal("", fsck.StandardOutput + fsck.StandardError.Replace("Checking object directories: 100% done.\n", "", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void Git_log_shows_the_action_trailer_of_every_commit()
    {
        using var registry = TestRegistry.Create();
        RegistryHistory.WriteEveryKind(registry);

        var actions = Git.Lines(registry.Root, "log", "--reverse", "--format=%(trailers:key=Registry-Action,valueonly)");

        Assert.Equal(RegistryHistory.Actions, actions);
    }

    [Fact]
    public void A_transition_commit_carries_model_version_and_stage_trailers()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Production");

        registry.Registry.Transition("churn", 2, "Production", archiveExisting: true);

        Assert.Equal(
            "Registry-Action: transition\nRegistry-Model: churn\nRegistry-Version: 2\nRegistry-Stage: Production\nRegistry-From-Stage: None\nRegistry-Archived: 1\n",
            registry.GitOutput("log", "-1", "--format=%(trailers:only)").TrimEnd('\n') + "\n");
        Assert.Equal("Production", registry.GitOutput("log", "-1", "--format=%(trailers:key=Registry-Stage,valueonly)").Trim());
    }

    [Fact]
    public void Git_log_can_find_every_commit_about_one_version_by_its_trailers()
    {
        using var registry = TestRegistry.Create();
        RegistryHistory.WriteEveryKind(registry);

        var subjects = Git.Lines(registry.Root, "log", "--reverse", "--format=%s",
            "--grep=^Registry-Model: churn$", "--grep=^Registry-Version: 2$", "--all-match");

        Assert.Equal(
            ["Register churn version 2", "Move churn version 2 from None to Production", "Set alias champion of churn to version 2", "Set tag validated of churn version 2", "Describe churn version 2"],
            subjects);
    }

    [Fact]
    public void Each_write_is_one_commit_on_top_of_the_previous_one()
    {
        using var registry = TestRegistry.Create();
        RegistryHistory.WriteEveryKind(registry);

        var parents = Git.Lines(registry.Root, "log", "--format=%p");

        Assert.Equal(RegistryHistory.Actions.Length - 1, parents.Count);
        Assert.All(parents, p => Assert.DoesNotContain(' ', p));
    }

    [Fact]
    public void Author_and_committer_are_the_git_identity()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");

        Assert.Equal($"{TestEnvironment.UserName} <{TestEnvironment.UserEmail}>|{TestEnvironment.UserName} <{TestEnvironment.UserEmail}>",
            registry.GitOutput("log", "-1", "--format=%an <%ae>|%cn <%ce>").Trim());
    }

    [Fact]
    public void Another_user_signs_with_their_own_key_and_git_names_them()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.ActAs("Bob Builder", SshKey.Shared(SshKeyType.Ed25519, "bob@example.com"));

        registry.Registry.Transition("churn", 1, "Staging");

        var verified = registry.Git("verify-commit", "-v", "main");
        Assert.True(verified.Succeeded, verified.StandardError);
        Assert.Contains("Good \"git\" signature for bob@example.com", verified.StandardError);
        Assert.Equal("Bob Builder <bob@example.com>", registry.GitOutput("log", "-1", "--format=%cn <%ce>").Trim());
    }

    [Theory]
    [InlineData(SshKeyType.EcdsaP256)]
    [InlineData(SshKeyType.EcdsaP521)]
    [InlineData(SshKeyType.Rsa3072)]
    public void Commits_signed_with_ecdsa_and_rsa_keys_verify_too(SshKeyType type)
    {
        using var registry = TestRegistry.Create();
        registry.ActAs("Carol", SshKey.Shared(type, "carol@example.com"));

        registry.Register("churn");

        var verified = registry.Git("verify-commit", "-v", "main");
        Assert.True(verified.Succeeded, verified.StandardError);
        Assert.Contains("Good \"git\" signature for carol@example.com", verified.StandardError);
    }

    [Fact]
    public void A_commit_by_a_key_missing_from_the_allowed_signers_does_not_verify()
    {
        // The check above must be able to fail: git refuses a signature it cannot attribute.
        using var registry = TestRegistry.Create();
        var stranger = SshKey.Create(SshKeyType.Ed25519, "mallory@example.com");
        registry.SetConfig("user.signingkey", stranger.PrivateKeyPath);

        registry.Register("churn");

        Assert.False(registry.Git("verify-commit", "main").Succeeded);
        Assert.True(registry.Git("verify-commit", "main~1").Succeeded);
    }

    [Fact]
    public void A_write_without_any_signing_key_fails_with_a_signing_error_that_shows_the_git_config_to_set()
    {
        using var registry = TestRegistry.Create();
        // An empty value overrides the global config's key, as if none had ever been set.
        registry.SetConfig("user.signingkey", "");
        var head = registry.Registry.Head;

        var error = Assert.Throws<RegistryException>(() => registry.Register("churn"));

        Assert.Equal(ErrorKind.Signing, error.Kind);
        Assert.Contains("user.signingkey is not set", error.Message);
        Assert.Contains("git config", error.Fix);
        Assert.Equal(head, registry.Registry.Head);
    }

    [Fact]
    public void A_write_with_no_signing_configuration_at_all_fails_with_a_signing_error_that_shows_the_git_config_to_set()
    {
        using var registry = TestRegistry.Create();
        registry.SetConfig("user.signingkey", "");
        registry.SetConfig("gpg.format", "");
        var head = registry.Registry.Head;

        var error = Assert.Throws<RegistryException>(() => registry.Registry.SetTag("churn", null, "k", "v"));

        Assert.Equal(ErrorKind.Signing, error.Kind);
        Assert.Contains("no signing key is configured", error.Message);
        Assert.Contains("git config gpg.format ssh && git config user.signingkey", error.Fix);
        Assert.Equal(head, registry.Registry.Head);
    }

    [Fact]
    public void A_signing_key_file_that_does_not_exist_is_a_signing_error_naming_it()
    {
        using var registry = TestRegistry.Create();
        var missing = Path.Combine(registry.Folder, "no-such-key");
        registry.SetConfig("user.signingkey", missing);

        var error = Assert.Throws<RegistryException>(() => registry.Register("churn"));

        Assert.Equal(ErrorKind.Signing, error.Kind);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_write_without_a_git_identity_is_refused_before_anything_is_stored()
    {
        using var registry = TestRegistry.Create();
        registry.SetConfig("user.email", "");

        var error = Assert.Throws<RegistryException>(() => registry.Register("churn"));

        Assert.Equal(ErrorKind.Signing, error.Kind);
        Assert.Contains("git config --global user.email", error.Fix);
        Assert.False(Directory.Exists(Path.Combine(registry.GitDirectory, "gitreg", "artifacts", "sha256")));
    }

    [Fact]
    public void Init_refuses_a_folder_that_is_not_empty()
    {
        var folder = TestEnvironment.NewTempFolder("init-");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        var error = Assert.Throws<RegistryException>(() => Registry.Init(folder));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Init_writes_the_template_in_one_signed_commit_on_main()
    {
        using var registry = TestRegistry.Create(name: "ml-registry");

        Assert.Equal("refs/heads/main", registry.Registry.Branch);
        Assert.Subset(Git.Lines(registry.Root, "ls-tree", "--name-only", "main").ToHashSet(), new HashSet<string> { ".gitignore", "README.md", "registry.yaml" });
        Assert.True(registry.Git("verify-commit", "main").Succeeded);
        Assert.Equal("ml-registry", registry.Registry.Config.Name);
        Assert.Equal(["None", "Staging", "Production", "Archived"], registry.Registry.Config.Stages.Select(s => s.Name));
    }
}

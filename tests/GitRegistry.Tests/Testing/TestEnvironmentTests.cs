namespace GitRegistry.Tests.Testing;

/// <summary>The shared test environment is hermetic: git sees only the configuration the tests made.</summary>
public sealed class TestEnvironmentTests
{
    [Fact]
    public void Git_reads_the_global_config_of_the_tests_and_no_system_config()
    {
        var origins = Git.Output(TestEnvironment.Root, "config", "--list", "--show-origin");

        Assert.All(origins.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith($"file:{TestEnvironment.GlobalConfig}\t", line));
        Assert.Contains($"user.email={TestEnvironment.UserEmail}", origins);
    }

    [Fact]
    public void Home_and_gnupg_home_are_temp_folders_of_the_test_run()
    {
        Assert.Equal(TestEnvironment.Home, Environment.GetEnvironmentVariable("HOME"));
        Assert.StartsWith(Path.GetTempPath(), TestEnvironment.Home);
        Assert.Equal(TestEnvironment.GnupgHome, Environment.GetEnvironmentVariable("GNUPGHOME"));
        // gpg-agent's socket path must stay under the 108-byte limit of a Unix socket address.
        Assert.True(TestEnvironment.GnupgHome.Length < 60, TestEnvironment.GnupgHome);
        Assert.Null(Environment.GetEnvironmentVariable(Registry.ArtifactStoreVariable));
    }

    [Fact]
    public void A_test_registry_signs_with_the_repo_local_key_and_allowed_signers_file()
    {
        using var registry = TestRegistry.Create();

        Assert.Equal(TestEnvironment.DefaultKey.PrivateKeyPath, registry.GitOutput("config", "--local", "user.signingkey").Trim());
        Assert.Equal(registry.AllowedSigners, registry.GitOutput("config", "--local", "gpg.ssh.allowedSignersFile").Trim());
        Assert.Equal(TestEnvironment.DefaultKey.AllowedSignersLine + "\n", File.ReadAllText(registry.AllowedSigners));
    }

    [Theory]
    [InlineData(SshKeyType.Ed25519, "ssh-ed25519 ")]
    [InlineData(SshKeyType.EcdsaP384, "ecdsa-sha2-nistp384 ")]
    public void A_throwaway_key_is_made_by_ssh_keygen_for_its_email(SshKeyType type, string prefix)
    {
        var key = SshKey.Create(type, "dana@example.com");

        Assert.StartsWith(prefix, key.PublicKey);
        Assert.EndsWith(" dana@example.com", key.PublicKey);
        Assert.True(File.Exists(key.PrivateKeyPath));
        Assert.Equal(File.ReadAllText(key.PublicKeyPath).Trim(), key.PublicKey);
    }

    [Fact]
    public void Disposing_a_test_registry_removes_its_folder()
    {
        var registry = TestRegistry.Create(bare: true);
        var folder = registry.Folder;

        registry.Dispose();

        Assert.False(Directory.Exists(folder));
    }
}

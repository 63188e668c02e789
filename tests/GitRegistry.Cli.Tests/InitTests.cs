namespace GitRegistry.Cli.Tests;

public sealed class InitTests : IDisposable
{
    private readonly CliHarness _user = new();

    [Fact]
    public void Init_creates_a_registry_whose_first_commit_git_verifies()
    {
        var registry = _user.InitRegistry();

        Assert.True(File.Exists(Path.Combine(registry, "registry.yaml")));
        Assert.True(File.Exists(Path.Combine(registry, "README.md")));
        _user.GitIn(registry, "verify-commit", "HEAD").ShouldSucceed();
        Assert.Equal("main", _user.GitIn(registry, "branch", "--show-current").ShouldSucceed().StandardOutput.Trim());
        Assert.Equal("", _user.GitIn(registry, "status", "--porcelain").ShouldSucceed().StandardOutput);
    }

    [Fact]
    public void Init_bare_creates_a_bare_repository_that_commands_can_use()
    {
        var registry = _user.InitRegistry("server.git", bare: true);

        Assert.Equal("true", _user.GitIn(registry, "rev-parse", "--is-bare-repository").StandardOutput.Trim());
        _user.GitReg("--registry", registry, "register", "churn", "--artifact", _user.ModelFile()).ShouldSucceed();
        var resolved = _user.GitReg("--registry", registry, "--json", "resolve", "models:/churn/latest").ShouldSucceed();
        Assert.Equal(1, (int)resolved.Json["version"]!);
    }

    [Fact]
    public void Init_into_a_non_empty_folder_is_a_usage_error()
    {
        var folder = _user.PathOf("occupied");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        var result = _user.GitReg("init", folder).ShouldFailWith(ExitCodes.Usage);

        Assert.Contains("not empty", result.StandardError);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(folder, "notes.txt")));
    }

    [Fact]
    public void Init_without_a_signing_key_fails_with_the_git_config_fix_and_leaves_nothing_behind()
    {
        using var unsigned = new CliHarness(signingKey: false);
        var folder = unsigned.PathOf("registry");

        var result = unsigned.GitReg("init", folder).ShouldFailWith(ExitCodes.SigningFailed);

        Assert.Contains("git config", result.StandardError);
        Assert.Contains("gitreg keygen", result.StandardError);
        Assert.False(Directory.Exists(folder));
    }

    public void Dispose() => _user.Dispose();
}

namespace GitRegistry.Cli.Tests;

public sealed class KeygenTests
{
    [Fact]
    public void Keygen_configures_a_clone_so_later_writes_are_signed_with_the_new_key()
    {
        using var owner = new CliHarness();
        var registry = owner.InitRegistry();
        using var newcomer = new CliHarness("Grace Hopper", "grace@example.com", signingKey: false);
        newcomer.Git("clone", "-q", registry, newcomer.PathOf("clone")).ShouldSucceed();
        var clone = newcomer.PathOf("clone");

        var output = newcomer.GitReg("--registry", clone, "keygen", "--key", newcomer.PathOf("grace_ed25519")).ShouldSucceed().StandardOutput;
        newcomer.GitReg("--registry", clone, "register", "churn", "--artifact", newcomer.ModelFile()).ShouldSucceed();

        Assert.Contains("git config gpg.format ssh", output);
        Assert.Contains("user.signingkey", output);
        var verify = newcomer.GitIn(clone, "verify-commit", "-v", "HEAD").ShouldSucceed();
        Assert.Contains("grace@example.com", verify.StandardError);
    }

    [Fact]
    public void Keygen_refuses_to_overwrite_an_existing_key()
    {
        using var user = new CliHarness();
        var registry = user.InitRegistry();

        var result = user.GitReg("--registry", registry, "keygen", "--key", user.KeyPath!).ShouldFailWith(ExitCodes.Usage);

        Assert.Contains("already exists", result.StandardError);
    }
}

namespace GitRegistry.Cli.Tests;

/// <summary>
/// validate, verify and search keep files in .git/gitreg to go faster next time; where they cannot be written,
/// the commands answer all the same.
/// </summary>
public sealed class CacheFileTests : IDisposable
{
    private readonly CliHarness _user = new();

    [Fact]
    public void Commands_answer_the_same_when_their_caches_cannot_be_written()
    {
        var registry = _user.InitRegistry();
        _user.Environment["GITREG_REGISTRY"] = registry;
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile(), "--metric", "test.auc_roc=0.91").ShouldSucceed();
        // A file where the caches' folder would go: neither the folder nor a file in it can be made.
        var blocker = Path.Combine(registry, ".git", "gitreg");
        if (Directory.Exists(blocker))
        {
            Directory.Delete(blocker, recursive: true);
        }
        File.WriteAllText(blocker, "not a folder");

        _user.GitReg("validate").ShouldSucceed();
        Assert.Contains("Verified 2 commit(s)", _user.GitReg("verify").ShouldSucceed().StandardOutput);
        var found = _user.GitReg("--json", "search", "metrics.test.auc_roc >= 0.9").ShouldSucceed().Json;
        Assert.Equal("models:/churn/1", (string)found["versions"]!.Single()["uri"]!);
        Assert.Equal("not a folder", File.ReadAllText(blocker));
    }

    public void Dispose() => _user.Dispose();
}

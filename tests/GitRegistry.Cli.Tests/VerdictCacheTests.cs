using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

/// <summary>
/// verify, log and site keep each commit's verdict in the git directory by commit id, so a second run verifies only
/// what is new; what they report must not change for it.
/// </summary>
public sealed class VerdictCacheTests : IDisposable
{
    private readonly CliHarness _user = new();
    private readonly string _registry;

    public VerdictCacheTests()
    {
        _registry = _user.InitRegistry();
        _user.Environment["GITREG_REGISTRY"] = _registry;
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile(seed: 1), "--metric", "test.auc_roc=0.88").ShouldSucceed();
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile(seed: 2), "--metric", "test.auc_roc=0.91").ShouldSucceed();
        _user.GitReg("transition", "churn", "1", "Production").ShouldSucceed();
        _user.GitReg("transition", "churn", "2", "Production", "--archive-existing", "--comment", "AUC 0.91 vs 0.88").ShouldSucceed();
        _user.GitReg("alias", "set", "churn", "champion", "2").ShouldSucceed();
    }

    private string CacheFile => Path.Combine(_registry, ".git", "gitreg", "verified");

    [Fact]
    public void A_second_verify_reads_every_verdict_from_the_cache_and_reports_exactly_what_the_first_did()
    {
        var first = _user.GitReg("--json", "verify").ShouldSucceed().Json;
        var commits = _user.GitIn(_registry, "rev-list", "HEAD").StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(commits.Length, Entries().Count);

        var second = _user.GitReg("--json", "verify").ShouldSucceed().Json;
        var plain = _user.GitReg("verify").ShouldSucceed().StandardOutput;
        var log = _user.GitReg("--json", "log").ShouldSucceed().Json;
        var logFromScratch = _user.GitReg("--json", "log", "--no-cache").ShouldSucceed().Json;

        Assert.Equal(0, (int)first["commits_remembered"]!);
        Assert.Equal(commits.Length, (int)second["commits_remembered"]!);
        Assert.Contains($"{commits.Length} remembered from earlier runs, --no-cache checks them again", plain);
        ((JObject)first).Remove("commits_remembered");
        ((JObject)second).Remove("commits_remembered");
        Assert.True(JToken.DeepEquals(first, second), $"cached:\n{second}\nfrom scratch:\n{first}");
        Assert.True(JToken.DeepEquals(logFromScratch, log), $"cached:\n{log}\nfrom scratch:\n{logFromScratch}");
        Assert.Contains(log, e => (string)e["kind"]! == "ArchivedByPromotion" && (int)e["version"]! == 1);
    }

    [Fact]
    public void The_cache_is_what_a_second_run_reads_and_no_cache_ignores_it()
    {
        _user.GitReg("verify").ShouldSucceed();
        var head = _user.GitIn(_registry, "rev-parse", "HEAD").StandardOutput.Trim();
        // Change what the cache says of the last commit: a run that reads the cache reports the change.
        File.WriteAllText(CacheFile, File.ReadAllText(CacheFile).Replace("Set alias champion of churn to version 2", "remembered subject"));

        var cached = _user.GitReg("--json", "verify").ShouldSucceed().Json;
        var fromScratch = _user.GitReg("--json", "verify", "--no-cache").ShouldSucceed().Json;

        Assert.Equal("remembered subject", (string)cached["commits"]!.Single(c => (string)c["commit"]! == head)["subject"]!);
        Assert.Equal("Set alias champion of churn to version 2", (string)fromScratch["commits"]!.Single(c => (string)c["commit"]! == head)["subject"]!);
    }

    [Fact]
    public void A_commit_that_failed_fails_again_from_the_cache_and_new_commits_are_verified_and_added()
    {
        _user.GitReg("verify").ShouldSucceed();
        var before = Entries().Count;
        var manifest = Path.Combine(_registry, "models", "churn", "versions", "1.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("auc_roc: 0.88", "auc_roc: 0.99"));
        _user.GitIn(_registry, "commit", "-q", "-S", "-am", "Fix metric").ShouldSucceed();

        var first = _user.GitReg("verify").ShouldFailWith(ExitCodes.SigningFailed);
        var second = _user.GitReg("verify").ShouldFailWith(ExitCodes.SigningFailed);

        Assert.Equal(before + 1, Entries().Count);
        const string Problem = "models/churn/versions/1.yaml was modified after registration; version manifests are immutable";
        Assert.Contains(Problem, first.StandardError);
        Assert.Equal(first.StandardError, second.StandardError);
    }

    [Fact]
    public void A_cache_from_another_build_or_cut_short_is_ignored_and_rewritten()
    {
        _user.GitReg("verify").ShouldSucceed();
        var lines = File.ReadAllLines(CacheFile);
        // Another build's header, with a forged verdict of the last commit: nothing in it may be believed.
        var forged = lines[^1].Replace("Set alias champion of churn to version 2", "forged");
        File.WriteAllText(CacheFile, "gitreg verification cache 1 0000000000000000\n" + forged + "\n");

        var verified = _user.GitReg("--json", "verify").ShouldSucceed().Json;

        Assert.DoesNotContain("forged", verified.ToString());
        Assert.Equal(lines, File.ReadAllLines(CacheFile));

        // A last line cut short (a crash while writing) is no entry: that commit is verified again.
        File.WriteAllText(CacheFile, string.Join('\n', lines[..^1]) + "\n" + lines[^1][..(lines[^1].Length / 2)]);
        Assert.Equal(lines.Length - 2, Entries().Count);
        _user.GitReg("verify").ShouldSucceed();
        Assert.Equal(lines.Length - 1, Entries().Count);
    }

    [Fact]
    public void Site_reads_history_through_the_cache_and_writes_the_same_pages()
    {
        var fromScratch = _user.PathOf("site-from-scratch");
        var cached = _user.PathOf("site-cached");
        _user.GitReg("site", "-o", fromScratch, "--no-cache").ShouldSucceed();
        Assert.False(File.Exists(CacheFile));
        _user.GitReg("verify").ShouldSucceed();
        _user.GitReg("site", "-o", cached).ShouldSucceed();

        var page = Path.Combine("models", "churn", "v2.html");
        Assert.Contains("AUC 0.91 vs 0.88", File.ReadAllText(Path.Combine(cached, page)));
        Assert.Equal(WithoutTimes(File.ReadAllText(Path.Combine(fromScratch, page))), WithoutTimes(File.ReadAllText(Path.Combine(cached, page))));
    }

    // The cache's entries: every line after the header that ends in a newline.
    private List<string> Entries()
    {
        var text = File.ReadAllText(CacheFile);
        return text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
    }

    // The footer says when the page was generated.
    private static string WithoutTimes(string html) => html[..html.IndexOf("<footer>", StringComparison.Ordinal)];

    public void Dispose() => _user.Dispose();
}

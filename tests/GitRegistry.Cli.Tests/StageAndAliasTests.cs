using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

public sealed class StageAndAliasTests : IDisposable
{
    private readonly CliHarness _user = new();
    private readonly string _registry;

    public StageAndAliasTests()
    {
        _registry = _user.InitRegistry();
        _user.Environment["GITREG_REGISTRY"] = _registry;
        for (var i = 1; i <= 3; i++)
        {
            _user.GitReg("register", "churn", "--artifact", _user.ModelFile(seed: i), "--metric", $"test.auc_roc=0.{80 + i}").ShouldSucceed();
        }
    }

    [Fact]
    public void Promote_with_archive_existing_archives_the_previous_production_version()
    {
        _user.GitReg("transition", "churn", "1", "Production").ShouldSucceed();
        _user.GitReg("transition", "churn", "2", "production").ShouldSucceed();

        var result = (JObject)_user.GitReg("--json", "transition", "churn", "3", "Production", "--archive-existing", "--comment", "AUC 0.83 vs 0.82").ShouldSucceed().Json;

        Assert.Equal(new[] { 1, 2 }, result["archived"]!.Values<int>().ToArray());
        var versions = (JArray)_user.GitReg("--json", "versions", "churn").ShouldSucceed().Json;
        Assert.Equal(["Production", "Archived", "Archived"], versions.Select(v => (string)v["stage"]!).ToArray());
        var message = _user.GitIn(_registry, "log", "-1", "--format=%B").StandardOutput;
        Assert.Contains("AUC 0.83 vs 0.82", message);
        Assert.Contains("Registry-Stage: Production", message);
        Assert.Contains("Registry-Archived: 1, 2", message);
    }

    [Fact]
    public void Production_resolves_to_the_highest_version_in_it()
    {
        _user.GitReg("transition", "churn", "1", "Production").ShouldSucceed();
        _user.GitReg("transition", "churn", "2", "Production").ShouldSucceed();

        var resolved = _user.GitReg("resolve", "models:/churn/Production").ShouldSucceed().StandardOutput;

        Assert.Contains("version  2", resolved);
    }

    [Fact]
    public void Archive_existing_into_none_is_a_usage_error()
    {
        var result = _user.GitReg("transition", "churn", "1", "None", "--archive-existing").ShouldFailWith(ExitCodes.Usage);

        Assert.Contains("--archive-existing", result.StandardError);
    }

    [Fact]
    public void An_unknown_stage_lists_the_registry_stages()
    {
        var result = _user.GitReg("transition", "churn", "1", "Prod").ShouldFailWith(ExitCodes.NotFound);

        Assert.Contains("None, Staging, Production, Archived", result.StandardError);
    }

    [Fact]
    public void Alias_resolves_and_blocks_deleting_its_version()
    {
        _user.GitReg("alias", "set", "churn", "champion", "2").ShouldSucceed();

        Assert.Equal(2, (int)_user.GitReg("--json", "resolve", "models:/churn@champion").ShouldSucceed().Json["version"]!);
        var refused = _user.GitReg("delete", "churn", "2").ShouldFailWith(ExitCodes.Conflict);
        Assert.Contains("champion", refused.StandardError);

        _user.GitReg("alias", "delete", "churn", "champion").ShouldSucceed();
        _user.GitReg("delete", "churn", "2", "--comment", "leaked test data").ShouldSucceed();
        _user.GitReg("resolve", "models:/churn/2").ShouldFailWith(ExitCodes.NotFound);
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile(seed: 9)).ShouldSucceed();
        Assert.Equal(4, (int)_user.GitReg("--json", "resolve", "models:/churn/latest").ShouldSucceed().Json["version"]!);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("v2")]
    [InlineData("Champion")]
    public void Reserved_or_malformed_aliases_are_refused(string alias)
    {
        var result = _user.GitReg("alias", "set", "churn", alias, "1").ShouldFailWith(ExitCodes.Usage);

        Assert.Contains("not a valid alias", result.StandardError);
    }

    [Fact]
    public void Tags_and_descriptions_apply_to_models_and_versions()
    {
        _user.GitReg("tag", "set", "churn", "team", "growth").ShouldSucceed();
        _user.GitReg("tag", "set", "churn", "--version", "2", "validated", "yes").ShouldSucceed();
        _user.GitReg("describe", "churn", "Predicts churn within 30 days").ShouldSucceed();
        _user.GitReg("describe", "churn", "--version", "2", "retrained on October data").ShouldSucceed();

        var model = (JObject)_user.GitReg("--json", "show", "churn").ShouldSucceed().Json;
        Assert.Equal("growth", (string)model["tags"]!["team"]!);
        Assert.Equal("Predicts churn within 30 days", (string)model["description"]!);
        var version = (JObject)_user.GitReg("--json", "show", "models:/churn/2").ShouldSucceed().Json;
        Assert.Equal("yes", (string)version["tags"]!["validated"]!);
        Assert.Equal("retrained on October data", (string)version["description"]!);

        _user.GitReg("tag", "delete", "churn", "--version", "2", "validated").ShouldSucceed();
        _user.GitReg("tag", "delete", "churn", "--version", "2", "validated").ShouldFailWith(ExitCodes.NotFound);
    }

    [Fact]
    public void Not_found_errors_are_json_on_stderr_with_the_exit_code()
    {
        var result = _user.GitReg("--json", "resolve", "models:/nope/Production").ShouldFailWith(ExitCodes.NotFound);

        Assert.Equal("", result.StandardOutput);
        var error = result.ErrorJson["error"]!;
        Assert.Equal("NotFound", (string)error["kind"]!);
        Assert.Equal(2, (int)error["exit_code"]!);
        Assert.Contains("churn", (string)error["fix"]!);
    }

    [Fact]
    public void Every_write_is_a_signed_commit_with_trailers_that_git_accepts()
    {
        _user.GitReg("transition", "churn", "1", "Staging").ShouldSucceed();
        _user.GitReg("alias", "set", "churn", "challenger", "1").ShouldSucceed();

        var commits = _user.GitIn(_registry, "rev-list", "HEAD").ShouldSucceed().StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, commits.Length);
        foreach (var commit in commits)
        {
            _user.GitIn(_registry, "verify-commit", commit).ShouldSucceed();
        }
        _user.GitIn(_registry, "fsck", "--strict").ShouldSucceed();
        var actions = _user.GitIn(_registry, "log", "--format=%(trailers:key=Registry-Action,valueonly)").StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["alias-set", "transition", "register", "register", "register", "init"], actions);
    }

    public void Dispose() => _user.Dispose();
}

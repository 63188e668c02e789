using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

public sealed class AuditTests : IDisposable
{
    private readonly CliHarness _user = new();
    private readonly string _registry;

    public AuditTests()
    {
        _registry = _user.InitRegistry();
        _user.Environment["GITREG_REGISTRY"] = _registry;
        for (var i = 1; i <= 3; i++)
        {
            _user.GitReg("register", "churn", "--artifact", _user.ModelFile(seed: i)).ShouldSucceed();
        }
    }

    [Fact]
    public void Rollback_restores_the_version_that_held_the_stage_before()
    {
        _user.GitReg("transition", "churn", "1", "Production").ShouldSucceed();
        _user.GitReg("transition", "churn", "2", "Production", "--archive-existing").ShouldSucceed();
        _user.GitReg("transition", "churn", "3", "Production", "--archive-existing").ShouldSucceed();

        var result = (JObject)_user.GitReg("--json", "rollback", "churn", "production").ShouldSucceed().Json;

        Assert.Equal(new[] { 3 }, result["archived"]!.Values<int>());
        Assert.Equal(2, (int)_user.GitReg("--json", "resolve", "models:/churn/Production").ShouldSucceed().Json["version"]!);
        Assert.Contains("Rollback of Production from version 3 to version 2", _user.GitIn(_registry, "log", "-1", "--format=%B").StandardOutput);
        _user.GitReg("verify").ShouldSucceed();
    }

    [Fact]
    public void Resolve_at_a_time_answers_what_was_in_production_then()
    {
        _user.GitReg("transition", "churn", "1", "Production").ShouldSucceed();
        var between = DateTimeOffset.Parse(_user.GitIn(_registry, "log", "-1", "--format=%cI").StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Thread.Sleep(1100); // commit times have one-second resolution: make the next move land in a later second
        _user.GitReg("transition", "churn", "2", "Production", "--archive-existing").ShouldSucceed();

        var then = _user.GitReg("--json", "resolve", "models:/churn/Production", "--at", between.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")).ShouldSucceed().Json;
        var before = _user.GitReg("resolve", "models:/churn/Production", "--at", "2001-01-01T00:00:00Z").ShouldFailWith(ExitCodes.NotFound);

        Assert.Equal(1, (int)then["version"]!);
        Assert.Contains("did not exist yet", before.StandardError);
    }

    [Fact]
    public void Log_lists_events_newest_first_with_the_verified_actor()
    {
        _user.GitReg("transition", "churn", "2", "Staging", "--comment", "evaluate").ShouldSucceed();
        _user.GitReg("alias", "set", "churn", "champion", "2").ShouldSucceed();

        var log = (JArray)_user.GitReg("--json", "log", "churn").ShouldSucceed().Json;

        Assert.Equal(["AliasSet", "Transitioned", "Registered", "Registered", "Registered"], log.Select(e => (string)e["kind"]!).ToArray());
        Assert.All(log, e => Assert.True((bool)e["trusted"]!));
        Assert.All(log, e => Assert.Equal("ada@example.com", (string)e["actor"]!));
        Assert.Equal("evaluate", (string)log[1]["comment"]!);
        var readable = _user.GitReg("log", "churn", "2").ShouldSucceed().StandardOutput;
        Assert.Contains("moved churn version 2 from None to Staging", readable);
        Assert.DoesNotContain("version 3", readable);
    }

    public void Dispose() => _user.Dispose();
}

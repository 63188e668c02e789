using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

/// <summary>gitreg lock restore / lock update: the edges of the core's lock rules.</summary>
public sealed class LockTests : IDisposable
{
    private readonly CliHarness _user = new();
    private readonly string _registry;
    private readonly string _lock;

    public LockTests()
    {
        _registry = _user.InitRegistry();
        _user.Environment["GITREG_REGISTRY"] = _registry;
        _lock = _user.PathOf("project", "models.lock.json");
        foreach (var model in new[] { "churn", "fraud" })
        {
            for (var seed = 1; seed <= 2; seed++)
            {
                _user.GitReg("register", model, "--artifact", _user.ModelFile($"{model}{seed}.onnx", seed: seed + (model == "fraud" ? 10 : 0))).ShouldSucceed();
            }
            _user.GitReg("transition", model, "1", "Production").ShouldSucceed();
        }
        _user.GitReg("lock", "restore", "--lock", _lock, "--cache", _user.PathOf("cache"),
            "--model", "models:/churn/Production", "--model", "models:/fraud/Production").ShouldSucceed();
    }

    [Fact]
    public void Lock_update_with_a_name_moves_only_that_model()
    {
        _user.GitReg("transition", "churn", "2", "Production", "--archive-existing").ShouldSucceed();
        _user.GitReg("transition", "fraud", "2", "Production", "--archive-existing").ShouldSucceed();

        var result = (JObject)_user.GitReg("--json", "lock", "update", "churn", "--lock", _lock).ShouldSucceed().Json;

        Assert.True((bool)result["lock_written"]!);
        var models = JObject.Parse(File.ReadAllText(_lock))["models"]!;
        Assert.Equal(2, (int)models["churn"]!["version"]!);
        Assert.Equal(1, (int)models["fraud"]!["version"]!);
    }

    [Fact]
    public void Lock_update_of_a_model_not_in_the_lock_is_refused_with_GR1002()
    {
        var result = _user.GitReg("--json", "lock", "update", "frad", "--lock", _lock).ShouldFailWith(ExitCodes.NotFound);

        Assert.Equal("GR1002", (string)result.ErrorJson["error"]!["code"]!);
        Assert.Contains("churn, fraud", (string)result.ErrorJson["error"]!["fix"]!);
    }

    [Fact]
    public void Locked_restore_of_a_moved_model_exits_with_conflict_and_the_GR1004_code()
    {
        _user.GitReg("transition", "fraud", "2", "Production", "--archive-existing").ShouldSucceed();

        var result = _user.GitReg("--json", "lock", "restore", "--locked", "--lock", _lock, "--cache", _user.PathOf("cache"),
            "--model", "models:/churn/Production", "--model", "models:/fraud/Production").ShouldFailWith(ExitCodes.Conflict);

        var error = result.ErrorJson["error"]!;
        Assert.Equal("GR1004", (string)error["code"]!);
        Assert.Contains("fraud moved from version 1 to version 2", (string)error["message"]!);
        Assert.DoesNotContain("churn moved", (string)error["message"]!);
    }

    [Fact]
    public void A_model_no_longer_requested_is_dropped_from_the_lock()
    {
        var result = (JObject)_user.GitReg("--json", "lock", "restore", "--lock", _lock, "--cache", _user.PathOf("cache"), "--model", "models:/churn/Production")
            .ShouldSucceed().Json;

        Assert.False((bool)result["registry_contacted"]!);
        Assert.Equal(["fraud"], result["removed"]!.Values<string>().ToArray());
        Assert.Null(JObject.Parse(File.ReadAllText(_lock))["models"]!["fraud"]);
    }

    public void Dispose() => _user.Dispose();
}

using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

public sealed class ReadAndValidateTests : IDisposable
{
    private readonly CliHarness _user = new();
    private readonly string _registry;

    public ReadAndValidateTests()
    {
        _registry = _user.InitRegistry();
        _user.Environment["GITREG_REGISTRY"] = _registry;
    }

    [Fact]
    public void Artifact_fetches_the_exact_bytes()
    {
        var model = _user.ModelFile(size: 100_000);
        _user.GitReg("register", "churn", "--artifact", model).ShouldSucceed();

        var json = _user.GitReg("--json", "artifact", "models:/churn/1", "-o", _user.PathOf("out")).ShouldSucceed().Json;

        Assert.Equal(File.ReadAllBytes(model), File.ReadAllBytes((string)json["path"]!));
    }

    [Fact]
    public void A_tampered_artifact_in_the_store_is_refused_and_not_written()
    {
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile()).ShouldSucceed();
        var sha = (string)_user.GitReg("--json", "resolve", "models:/churn/1").ShouldSucceed().Json["manifest"]!["artifact"]!["sha256"]!;
        var blob = Path.Combine(_registry, ".git", "gitreg", "artifacts", "sha256", sha[..2], sha);
        var bytes = File.ReadAllBytes(blob);
        bytes[100] ^= 0xFF;
        File.WriteAllBytes(blob, bytes);

        var result = _user.GitReg("artifact", "models:/churn/1", "-o", _user.PathOf("out")).ShouldFailWith(ExitCodes.ArtifactFailed);

        Assert.Contains("corrupt", result.StandardError);
        Assert.False(File.Exists(_user.PathOf("out", "model.onnx")));
    }

    [Fact]
    public void Validate_reports_a_hand_edit_with_file_line_field_and_fix()
    {
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile()).ShouldSucceed();
        var modelYaml = Path.Combine(_registry, "models", "churn", "model.yaml");
        File.WriteAllText(modelYaml, File.ReadAllText(modelYaml).Replace("stage: None", "stage: Prod"));
        _user.GitIn(_registry, "commit", "-S", "-am", "hand edit").ShouldSucceed();

        var result = _user.GitReg("validate").ShouldFailWith(ExitCodes.ValidationFailed);

        var line = File.ReadAllLines(modelYaml).ToList().FindIndex(l => l.Contains("stage: Prod")) + 1;
        Assert.Contains($"models/churn/model.yaml:{line}: versions.1.stage: 'Prod' is not a stage of this registry", result.StandardError);
        Assert.Contains("Fix: use one of: None, Staging, Production, Archived", result.StandardError);
    }

    [Fact]
    public void Validate_json_lists_schema_problems_of_a_hand_written_manifest()
    {
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile()).ShouldSucceed();
        var manifest = Path.Combine(_registry, "models", "churn", "versions", "1.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("format: onnx", "format: onnx\n  compression: zstd"));
        _user.GitIn(_registry, "commit", "-S", "-am", "hand edit").ShouldSucceed();

        var result = _user.GitReg("--json", "validate");

        Assert.Equal((int)ExitCodes.ValidationFailed, result.ExitCode);
        var problem = (JObject)result.Json["problems"]![0]!;
        Assert.Equal("models/churn/versions/1.yaml", (string)problem["file"]!);
        Assert.Equal("artifact.compression", (string)problem["field"]!);
        Assert.True((int)problem["line"]! > 0);
    }

    [Fact]
    public void Models_and_versions_list_what_is_registered()
    {
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile(), "--metric", "test.auc_roc=0.9").ShouldSucceed();
        _user.GitReg("register", "fraud", "--artifact", _user.ModelFile(seed: 2)).ShouldSucceed();
        _user.GitReg("transition", "churn", "1", "Staging").ShouldSucceed();

        var models = (JArray)_user.GitReg("--json", "models").ShouldSucceed().Json;
        Assert.Equal(["churn", "fraud"], models.Select(m => (string)m["name"]!).ToArray());
        Assert.Equal(1, (int)models[0]["stages"]!["Staging"]!);
        var table = _user.GitReg("versions", "churn").ShouldSucceed().StandardOutput;
        Assert.Contains("Staging", table);
        Assert.Contains("test.auc_roc", table);
        Assert.Contains("0.9", table);
        var readable = _user.GitReg("show", "models:/churn/Staging").ShouldSucceed().StandardOutput;
        Assert.Contains("artifact.sha256", readable);
    }

    [Fact]
    public void The_registry_option_and_environment_variable_both_select_the_registry()
    {
        var other = _user.InitRegistry("other");
        _user.GitReg("--registry", other, "register", "only_here", "--artifact", _user.ModelFile()).ShouldSucceed();

        Assert.Single((JArray)_user.GitReg("--registry", other, "--json", "models").ShouldSucceed().Json);
        Assert.Empty((JArray)_user.GitReg("--json", "models").ShouldSucceed().Json);
    }

    [Fact]
    public void Resolve_at_an_older_commit_answers_from_history()
    {
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile()).ShouldSucceed();
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile(seed: 2)).ShouldSucceed();
        _user.GitReg("transition", "churn", "1", "Production").ShouldSucceed();
        var before = _user.GitIn(_registry, "rev-parse", "HEAD").StandardOutput.Trim();
        _user.GitReg("transition", "churn", "2", "Production", "--archive-existing").ShouldSucceed();

        Assert.Equal(1, (int)_user.GitReg("--json", "resolve", "models:/churn/Production", "--at", before).ShouldSucceed().Json["version"]!);
        Assert.Equal(2, (int)_user.GitReg("--json", "resolve", "models:/churn/Production").ShouldSucceed().Json["version"]!);
    }

    public void Dispose() => _user.Dispose();
}

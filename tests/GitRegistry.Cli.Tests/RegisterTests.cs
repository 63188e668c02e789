using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

public sealed class RegisterTests : IDisposable
{
    private readonly CliHarness _user = new();
    private readonly string _registry;

    public RegisterTests()
    {
        _registry = _user.InitRegistry();
        _user.Environment["GITREG_REGISTRY"] = _registry;
    }

    [Fact]
    public void Register_with_json_prints_the_whole_manifest_with_typed_params_and_metrics_by_split()
    {
        var model = _user.ModelFile(size: 10_000);
        var data = _user.PathOf("data.csv");
        File.WriteAllText(data, "a,b\n1,2\n");
        var requirements = _user.PathOf("requirements.txt");
        File.WriteAllText(requirements, "onnxruntime==1.19.2\nnumpy==2.1.3\n");

        var result = _user.GitReg("--json", "register", "churn_predictor", "--artifact", model,
            "--param", "learning_rate=0.1", "--param", "num_trees=200", "--param", "early_stopping=true", "--param", "version_label=1.10",
            "--metric", "train.auc_roc=0.95", "--metric", "test.auc_roc=0.91", "--metric", "test.log_loss=0.31",
            "--data", data, "--data-cutoff", "2026-10-31", "--preprocessing-version", "1.4.2", "--code-commit", "A1B2C3D4E5F6",
            "--requirements", requirements, "--tag", "team=growth", "--description", "baseline").ShouldSucceed();

        var json = (JObject)result.Json;
        var manifest = (JObject)json["manifest"]!;
        Assert.Equal(1, (int)json["version"]!);
        Assert.Equal("None", (string)json["stage"]!);
        Assert.Equal(JTokenType.Float, manifest["params"]!["learning_rate"]!.Type);
        Assert.Equal(JTokenType.Integer, manifest["params"]!["num_trees"]!.Type);
        Assert.Equal(JTokenType.Boolean, manifest["params"]!["early_stopping"]!.Type);
        Assert.Equal("1.10", (string)manifest["params"]!["version_label"]!);
        Assert.Equal(0.91, (double)manifest["metrics"]!["test"]!["auc_roc"]!);
        Assert.Equal(0.95, (double)manifest["metrics"]!["train"]!["auc_roc"]!);
        Assert.Equal(Sha256(data), (string)manifest["data"]!["sha256"]!);
        Assert.Equal("a1b2c3d4e5f6", (string)manifest["code_commit"]!);
        Assert.Equal(Sha256(model), (string)manifest["artifact"]!["sha256"]!);
        Assert.Equal(10_000, (long)manifest["artifact"]!["size"]!);
        Assert.Equal("onnx", (string)manifest["artifact"]!["format"]!);
        Assert.Equal("onnxruntime==1.19.2\nnumpy==2.1.3\n", (string)manifest["dependencies"]!["content"]!);
        Assert.Equal("ada@example.com", (string)manifest["created_by"]!["email"]!);
    }

    [Fact]
    public void Register_reads_params_metrics_and_signature_files()
    {
        File.WriteAllText(_user.PathOf("params.yaml"), "optimizer:\n  name: adam\n  lr: 0.001\nlayers: [64, 32]\n");
        File.WriteAllText(_user.PathOf("metrics.json"), """{"validation": {"auc_roc": 0.9}, "test.auc_roc": 0.89}""");
        File.WriteAllText(_user.PathOf("signature.json"), """{"inputs": [{"name": "tenure", "type": "double"}], "outputs": [{"name": "score", "type": "float"}]}""");

        var manifest = _user.GitReg("--json", "register", "m", "--artifact", _user.ModelFile(),
            "--params-file", _user.PathOf("params.yaml"), "--metrics-file", _user.PathOf("metrics.json"),
            "--signature-file", _user.PathOf("signature.json")).ShouldSucceed().Json["manifest"]!;

        Assert.Equal("adam", (string)manifest["params"]!["optimizer.name"]!);
        Assert.Equal(0.001, (double)manifest["params"]!["optimizer.lr"]!);
        Assert.Equal("[64,32]", (string)manifest["params"]!["layers"]!);
        Assert.Equal(0.9, (double)manifest["metrics"]!["validation"]!["auc_roc"]!);
        Assert.Equal(0.89, (double)manifest["metrics"]!["test"]!["auc_roc"]!);
        Assert.Equal("tenure", (string)manifest["signature"]!["inputs"]![0]!["name"]!);
    }

    [Fact]
    public void Version_numbers_count_up_and_the_manifest_lands_in_the_working_tree()
    {
        for (var i = 1; i <= 3; i++)
        {
            var output = _user.GitReg("register", "churn", "--artifact", _user.ModelFile(seed: i)).ShouldSucceed().StandardOutput;
            Assert.Contains($"Registered churn version {i}", output);
        }

        Assert.True(File.Exists(Path.Combine(_registry, "models", "churn", "versions", "3.yaml")));
        Assert.Equal("", _user.GitIn(_registry, "status", "--porcelain").StandardOutput);
    }

    [Theory]
    [InlineData("--metric", "test.auc=NaN")]
    [InlineData("--metric", "auc=0.9")]
    [InlineData("--param", "novalue")]
    [InlineData("--format", "exe")]
    public void Bad_register_options_are_usage_errors_that_write_nothing(string option, string value)
    {
        var head = _user.GitIn(_registry, "rev-parse", "HEAD").StandardOutput;

        var result = _user.GitReg("register", "churn", "--artifact", _user.ModelFile(), option, value);

        Assert.Equal((int)ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith(option == "--format" ? "" : "error:", result.StandardError.TrimStart());
        Assert.Equal(head, _user.GitIn(_registry, "rev-parse", "HEAD").StandardOutput);
    }

    [Fact]
    public void An_invalid_model_name_names_the_rule()
    {
        var result = _user.GitReg("register", "../escape", "--artifact", _user.ModelFile()).ShouldFailWith(ExitCodes.Usage);

        Assert.Contains("not a valid model name", result.StandardError);
        Assert.Contains("lowercase letters", result.StandardError);
    }

    [Fact]
    public void A_missing_artifact_file_is_not_found()
    {
        var result = _user.GitReg("register", "churn", "--artifact", _user.PathOf("nope.onnx")).ShouldFailWith(ExitCodes.NotFound);

        Assert.Contains("nope.onnx", result.StandardError);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    public void Dispose() => _user.Dispose();
}

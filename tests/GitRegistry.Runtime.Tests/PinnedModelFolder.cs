using System.Security.Cryptography;

namespace GitRegistry.Runtime.Tests;

/// <summary>
/// A real registry (churn_predictor versions 1 and 2, version 1 in Production, with metrics, params, lineage and a
/// signature) and a models folder laid out as the build lays out the output: <c>gitreg lock restore</c> writes the
/// lock and the manifests, and the verified artifact is copied from the cache to <c>models/NAME/FILE</c>.
/// </summary>
public sealed class PinnedModelFolder : IDisposable
{
    public PinnedModelFolder()
    {
        Registry = User.InitRegistry();
        File.WriteAllText(User.PathOf("signature.json"),
            """{"inputs": [{"name": "tenure_months", "type": "double"}], "outputs": [{"name": "churn_probability", "type": "float"}]}""");
        File.WriteAllText(User.PathOf("data.csv"), "tenure_months,churned\n3,1\n40,0\n");
        for (var version = 1; version <= 2; version++)
        {
            var artifact = User.ModelFile($"v{version}.onnx", size: 1024 * version, seed: version);
            Bytes[version] = File.ReadAllBytes(artifact);
            GitReg("register", "churn_predictor", "--artifact", artifact, "--signature-file", User.PathOf("signature.json"),
                "--param", "num_trees=200", "--param", "objective=binary", "--metric", $"test.auc_roc=0.9{version}", "--metric", "train.auc_roc=0.97",
                "--data", User.PathOf("data.csv"), "--data-cutoff", "2026-10-31");
        }
        GitReg("transition", "churn_predictor", "1", "Production");

        Directory.CreateDirectory(Models);
        var restored = GitReg("--json", "lock", "restore", "--lock", Path.Combine(Models, "models.lock.json"), "--model", "models:/churn_predictor/Production",
            "--cache", Cache, "--manifests", Models).Json["models"]![0]!;
        var target = Path.Combine(Models, "churn_predictor", (string)restored["artifact"]!["file_name"]!);
        File.Copy((string)restored["artifact_path"]!, target);
        ArtifactPath = target;
    }

    public CliHarness User { get; } = new();

    public string Registry { get; }

    public string Models => User.PathOf("app", "models");

    public string Cache => User.PathOf("cache");

    public string ArtifactPath { get; }

    public Dictionary<int, byte[]> Bytes { get; } = [];

    public string Sha256(int version) => Convert.ToHexStringLower(SHA256.HashData(Bytes[version]));

    public CliHarness.Result GitReg(params string[] args) => User.GitReg(["--registry", Registry, .. args]).ShouldSucceed();

    public void Dispose() => User.Dispose();
}

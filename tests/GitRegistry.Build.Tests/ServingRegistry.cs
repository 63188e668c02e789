using System.Security.Cryptography;

namespace GitRegistry.Build.Tests;

/// <summary>
/// A real registry for build tests, made with the real gitreg by a hermetic user: churn_predictor versions 1 and 2
/// (version 1 with a signature), version 1 in Production. Their artifacts go to the registry's local store, or to the
/// store that <c>artifactStoreYaml</c> names, with its credentials in the user's environment.
/// </summary>
public sealed class ServingRegistry : IDisposable
{
    public const string Model = "churn_predictor";

    public ServingRegistry(string? artifactStoreYaml = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        Path = User.InitRegistry("registry");
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            User.Environment[name] = value;
        }
        if (artifactStoreYaml is not null)
        {
            User.SetArtifactStore(Path, artifactStoreYaml);
        }
        File.WriteAllText(User.PathOf("signature.json"),
            """{"inputs": [{"name": "tenure_months", "type": "double"}, {"name": "monthly_charges", "type": "double"}], "outputs": [{"name": "churn_probability", "type": "float"}]}""");
        for (var version = 1; version <= 2; version++)
        {
            var artifact = User.ModelFile($"model-v{version}.onnx", size: 2048 + version, seed: version);
            ArtifactBytes[version] = File.ReadAllBytes(artifact);
            // Every version is fetched as model.onnx, like retrained models usually are.
            var named = User.PathOf($"v{version}", "model.onnx");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(named)!);
            File.Copy(artifact, named);
            GitReg("register", Model, "--artifact", named, "--signature-file", User.PathOf("signature.json"), "--param", "num_trees=200", "--metric", $"test.auc_roc=0.8{version}");
        }
        GitReg("transition", Model, "1", "Production");
    }

    public CliHarness User { get; } = new();

    public string Path { get; }

    public Dictionary<int, byte[]> ArtifactBytes { get; } = [];

    public string Sha256(int version) => Convert.ToHexStringLower(SHA256.HashData(ArtifactBytes[version]));

    /// <summary>The registry's own artifact store (what a remote registry needs configured).</summary>
    public string ArtifactStore => System.IO.Path.Combine(Path, ".git", "gitreg", "artifacts");

    public CliHarness.Result GitReg(params string[] args) => User.GitReg(["--registry", Path, .. args]).ShouldSucceed();

    /// <summary>Moves Production to <paramref name="version"/>, archiving the previous holder.</summary>
    public void Promote(int version) => GitReg("transition", Model, version.ToString(System.Globalization.CultureInfo.InvariantCulture), "Production", "--archive-existing");

    /// <summary>The registry's branch tip.</summary>
    public string Head => User.GitIn(Path, "rev-parse", "HEAD").ShouldSucceed().StandardOutput.Trim();

    public void Dispose() => User.Dispose();
}

using GitRegistry.Manifests;
using GitRegistry.Registration;

namespace GitRegistry.Tests.Site;

/// <summary>Registers versions with parameters, metrics and lineage, the way a training job would.</summary>
internal static class SiteFixture
{
    private static int _artifacts;

    public static int Register(TestRegistry registry, string model, IDictionary<string, object> parameters, IDictionary<string, IDictionary<string, double>> metrics,
        string? cutoff = "2026-10-31", string? description = null)
    {
        var number = Interlocked.Increment(ref _artifacts);
        var artifact = registry.WriteFile($"site-{number}/model.onnx", $"model {model} #{number} {Guid.NewGuid()}");
        return registry.Registry.Register(new RegistrationRequest
        {
            Name = model,
            ArtifactPath = artifact,
            Params = parameters,
            Metrics = metrics,
            Data = new DataLineage { Sha256 = new string('a', 64), Cutoff = cutoff },
            Preprocessing = new Preprocessing { Version = "1.4.2" },
            CodeCommit = new string('c', 40),
            Description = description,
        }).Manifest.Version;
    }

    /// <summary>A version with <c>auc</c> and <c>logloss</c> on train and test, drifting with <paramref name="step"/>.</summary>
    public static int RegisterTrained(TestRegistry registry, string model, int step, string? description = null) =>
        Register(registry, model,
            new Dictionary<string, object> { ["learning_rate"] = 0.1 / step, ["num_trees"] = 100 + 50 * step, ["objective"] = "binary" },
            new Dictionary<string, IDictionary<string, double>>
            {
                ["train"] = new Dictionary<string, double> { ["auc"] = 0.90 + 0.01 * step, ["logloss"] = 0.40 - 0.02 * step },
                ["test"] = new Dictionary<string, double> { ["auc"] = 0.85 + 0.01 * step, ["logloss"] = 0.45 - 0.02 * step },
            },
            description: description);
}

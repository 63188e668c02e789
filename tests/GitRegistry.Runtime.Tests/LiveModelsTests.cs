using GitRegistry.Locking;
using GitRegistry.Serving;

namespace GitRegistry.Runtime.Tests;

public sealed class LiveModelsTests : IDisposable
{
    private readonly PinnedModelFolder _folder = new();

    [Fact]
    public void Resolve_at_startup_picks_up_the_new_production_on_restart()
    {
        var before = LiveModels.Resolve(_folder.Registry, "models:/churn_predictor/Production", _folder.Cache);
        _folder.GitReg("transition", "churn_predictor", "2", "Production", "--archive-existing");

        var after = LiveModels.Resolve(_folder.Registry, "models:/churn_predictor/Production", _folder.Cache);

        Assert.Equal(1, before.Version);
        Assert.Equal(2, after.Version);
        Assert.Equal(_folder.Sha256(2), after.Sha256);
        Assert.Equal(_folder.Bytes[2], File.ReadAllBytes(after.ArtifactPath));
        Assert.Equal(0.92, after.Manifest.Metrics["test"]["auc_roc"]);
    }

    [Fact]
    public void Resolve_refuses_an_altered_cached_artifact_with_GR1009()
    {
        LiveModels.Resolve(_folder.Registry, "models:/churn_predictor/Production", _folder.Cache);
        var cached = Path.Combine(_folder.Cache, "artifacts", "sha256", _folder.Sha256(1)[..2], _folder.Sha256(1));
        File.AppendAllText(cached, "tampered");

        var error = Assert.Throws<RestoreException>(() => LiveModels.Resolve(_folder.Registry, "models:/churn_predictor/Production", _folder.Cache));

        Assert.Equal(RestoreCodes.ArtifactAltered, error.Code);
    }

    public void Dispose() => _folder.Dispose();
}

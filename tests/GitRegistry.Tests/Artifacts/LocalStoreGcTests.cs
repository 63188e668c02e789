using GitRegistry.Registration;

namespace GitRegistry.Tests.Artifacts;

/// <summary>gc removes what no manifest references from the local store, and nothing else.</summary>
public sealed class LocalStoreGcTests : IDisposable
{
    private readonly TestRegistry _registry = TestRegistry.Create();

    private string StoreRoot => Path.Combine(_registry.GitDirectory, "gitreg", "artifacts");

    // A blob put in the store but never committed (a registration that failed after storing), made old enough for gc.
    private string Orphan(string name, int size)
    {
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "orphans"), name, size);
        var stored = _registry.Registry.ArtifactStore().Put(file.Path);
        var blob = Path.Combine(StoreRoot, "sha256", stored.Sha256[..2], stored.Sha256);
        File.SetLastWriteTimeUtc(blob, DateTime.UtcNow - Registry.GarbageGracePeriod - TimeSpan.FromMinutes(1));
        return blob;
    }

    [Fact]
    public void A_dry_run_lists_unreferenced_blobs_and_removes_nothing()
    {
        _registry.Register("churn");
        var orphan = Orphan("lost.onnx", 1234);

        var result = _registry.Registry.CollectGarbage(dryRun: true);

        Assert.Equal([(orphan, 1234L)], result.Unreferenced.Select(b => (b.Path, b.Size)));
        Assert.False(result.Removed);
        Assert.True(File.Exists(orphan));
    }

    [Fact]
    public void Gc_removes_unreferenced_blobs_and_every_version_still_fetches()
    {
        _registry.Register("churn");
        _registry.Register("fraud");
        var orphan = Orphan("lost.onnx", 100);

        var result = _registry.Registry.CollectGarbage(dryRun: false);

        Assert.True(result.Removed);
        Assert.False(File.Exists(orphan));
        foreach (var uri in new[] { "models:/churn/1", "models:/fraud/1" })
        {
            _registry.Registry.FetchArtifact(_registry.Registry.Resolve(uri), Path.Combine(_registry.Folder, "out", uri.Replace(':', '_').Replace('/', '_')));
        }
    }

    [Fact]
    public void A_blob_stored_within_the_grace_period_is_kept_for_the_registration_in_flight()
    {
        var file = StoreTestFiles.Random(_registry.Folder, "new.onnx", 100);
        _registry.Registry.ArtifactStore().Put(file.Path);

        Assert.Empty(_registry.Registry.CollectGarbage(dryRun: false).Unreferenced);
        Assert.Single(Directory.GetFiles(Path.Combine(StoreRoot, "sha256"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_blob_referenced_only_on_another_branch_or_by_a_deleted_version_is_kept()
    {
        _registry.Register("churn");
        _registry.Git("branch", "proposal").EnsureSuccess();
        var onBranch = _registry.Register("fraud").Manifest.Artifact.Sha256;
        _registry.Git("update-ref", "refs/heads/proposal", "HEAD").EnsureSuccess();
        _registry.Git("update-ref", "refs/heads/main", "HEAD~1").EnsureSuccess();
        _registry.Reopen();
        var blob = Path.Combine(StoreRoot, "sha256", onBranch[..2], onBranch);
        File.SetLastWriteTimeUtc(blob, DateTime.UtcNow - TimeSpan.FromDays(2));

        var result = _registry.Registry.CollectGarbage(dryRun: false);

        Assert.Empty(result.Unreferenced);
        Assert.True(File.Exists(blob));
    }

    [Fact]
    public void Gc_refuses_a_shared_store()
    {
        StoreTestFiles.ConfigureStore(_registry, $"  type: file\n  path: {Path.Combine(_registry.Folder, "share")}\n");

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.CollectGarbage(dryRun: true));

        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    public void Dispose() => _registry.Dispose();
}

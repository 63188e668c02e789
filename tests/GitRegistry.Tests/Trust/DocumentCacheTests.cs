using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Storage;
using GitRegistry.Trust;

namespace GitRegistry.Tests.Trust;

/// <summary>The parsed-file cache verify walks history with: one version per path, and a bounded number of manifests.</summary>
public sealed class DocumentCacheTests
{
    [Fact]
    public void Past_its_limit_the_cache_forgets_the_manifests_it_holds_but_keeps_the_model_files()
    {
        using var registry = TestRegistry.Create();
        for (var i = 0; i < 4; i++)
        {
            registry.Register("churn");
        }
        using var git = new LibGit2Sharp.Repository(registry.Root);
        var snapshot = new RegistrySnapshot(git.Head.Tip);
        var cache = new DocumentCache(manifestLimit: 3);
        ModelVersion Manifest(int version) => cache.Read<ModelVersion>(snapshot, RegistryPaths.VersionFile("churn", version), DocumentKind.ModelVersion)!;

        var model = cache.Read<ModelState>(snapshot, RegistryPaths.ModelFile("churn"), DocumentKind.Model);
        var first = Manifest(1);
        Manifest(2);
        var third = Manifest(3);
        Assert.Same(first, Manifest(1));
        Assert.Equal(4, cache.Count);

        var fourth = Manifest(4);   // the fourth manifest: the three before it are forgotten

        Assert.Equal(2, cache.Count);
        Assert.Same(fourth, Manifest(4));
        Assert.Same(model, cache.Read<ModelState>(snapshot, RegistryPaths.ModelFile("churn"), DocumentKind.Model));
        var again = Manifest(1);
        Assert.NotSame(first, again);
        Assert.Equal((first.Name, first.Version, first.Artifact.Sha256), (again.Name, again.Version, again.Artifact.Sha256));
        Assert.Equal(3, third.Version);
    }
}

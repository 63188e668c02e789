using GitRegistry.Locking;

namespace GitRegistry.Build.Tests;

/// <summary>
/// Real `dotnet build` of a real serving project against the packed packages: the only level that catches packaging
/// mistakes. Few builds, each checking several things, because each costs seconds.
/// </summary>
[Collection(PackedFeedCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class EndToEndTests(PackedFeed feed) : IDisposable
{
    private readonly ServingRegistry _registry = new();

    [Fact]
    public void Build_pins_production_copies_its_bytes_and_the_lock_holds_until_it_is_updated()
    {
        var project = new ServingProject(feed, _registry);

        var first = project.Build().ShouldSucceed();
        Assert.Contains("GitRegistry: churn_predictor -> version 1", first.StandardOutput);
        Assert.Equal(_registry.ArtifactBytes[1], File.ReadAllBytes(project.OutputArtifact));
        Assert.Equal(1, ModelsLock.Read(project.LockFile)!.Models["churn_predictor"].Version);
        Assert.Equal(File.ReadAllText(project.LockFile), File.ReadAllText(Path.Combine(project.Output, "models", "models.lock.json")));
        Assert.True(File.Exists(Path.Combine(project.Output, "models", "churn_predictor", "manifest.json")));

        // Nothing changed: no resolution work at all.
        var noOp = project.Build().ShouldSucceed();
        Assert.DoesNotContain("GitRegistry:", noOp.StandardOutput);

        // A new Production does not move a locked build.
        _registry.Promote(2);
        var lockText = File.ReadAllText(project.LockFile);
        project.Build().ShouldSucceed();
        Assert.Equal(lockText, File.ReadAllText(project.LockFile));
        Assert.Equal(_registry.ArtifactBytes[1], File.ReadAllBytes(project.OutputArtifact));

        // A design-time build (what an IDE runs on every keystroke) never restores, even when asked to update.
        var designTime = project.Dotnet("msbuild", "-t:ResolveModels", "-p:DesignTimeBuild=true", "-p:GitRegistryUpdateLock=true").ShouldSucceed();
        Assert.DoesNotContain("GitRegistry:", designTime.StandardOutput);
        Assert.Equal(lockText, File.ReadAllText(project.LockFile));

        // CI (locked mode by default) sees that the registry moved and says how to update.
        _registry.User.Environment["CI"] = "true";
        var ci = project.Build();
        _registry.User.Environment.Remove("CI");
        Assert.NotEqual(0, ci.ExitCode);
        Assert.Contains("error GR1004", ci.StandardOutput);
        Assert.Contains("churn_predictor moved from version 1 to version 2", ci.StandardOutput);
        Assert.Contains("-p:GitRegistryUpdateLock=true", ci.StandardOutput);

        var update = project.Build("-p:GitRegistryUpdateLock=true").ShouldSucceed();
        Assert.Contains("GitRegistry: churn_predictor -> version 2 (models:/churn_predictor/Production, was 1)", update.StandardOutput);
        Assert.Equal(2, ModelsLock.Read(project.LockFile)!.Models["churn_predictor"].Version);
        Assert.Equal(_registry.ArtifactBytes[2], File.ReadAllBytes(project.OutputArtifact));

        // Clean removes what the build generated and copied, never the per-user cache.
        project.Dotnet("clean").ShouldSucceed();
        Assert.False(File.Exists(project.OutputArtifact));
        Assert.False(File.Exists(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "gitregistry", "ModelCatalog.g.cs")));
        Assert.True(File.Exists(project.CachedArtifact(2)));
        Assert.True(File.Exists(project.LockFile));
    }

    [Fact]
    public void Published_app_loads_the_pinned_model_and_tampered_files_are_rejected_at_run_and_build_time()
    {
        var project = new ServingProject(feed, _registry);
        var publish = Path.Combine(project.Directory, "publish");

        project.Dotnet("publish", "-o", publish).ShouldSucceed();
        var run = project.Run(publish).ShouldSucceed();
        Assert.Contains($"model=churn_predictor version=1 sha256={_registry.Sha256(1)} catalog_version=1 stage=Production input=tenure_months auc=0.81", run.StandardOutput);

        File.AppendAllText(Path.Combine(publish, "models", "churn_predictor", "model.onnx"), "tampered");
        var tampered = project.Run(publish);
        Assert.Equal(3, tampered.ExitCode);
        Assert.Contains("the artifact of churn_predictor version 1 has been altered", tampered.StandardError);

        File.AppendAllText(project.CachedArtifact(1), "tampered");
        var build = project.Build();
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error GR1009", build.StandardOutput);
        Assert.Contains("the cached artifact of churn_predictor version 1 has been altered", build.StandardOutput);
    }

    public void Dispose() => _registry.Dispose();
}

using System.Text.Json.Nodes;
using GitRegistry.Locking;
using NJsonSchema;

namespace GitRegistry.Build.Tests;

/// <summary>The restore task against a real registry repository, running the real gitreg out of process.</summary>
public sealed class RestoreModelsTests : IDisposable
{
    private readonly ServingRegistry _registry = new();
    private readonly TaskRun _run;

    public RestoreModelsTests() => _run = new TaskRun(_registry);

    private static readonly Microsoft.Build.Framework.ITaskItem[] Production = [TaskRun.Reference(ServingRegistry.Model, stage: "Production")];

    [Fact]
    public async Task First_restore_pins_production_in_a_lock_that_matches_its_schema()
    {
        var (succeeded, log) = _run.Restore(Production);

        Assert.True(succeeded, log.Describe());
        var lockFile = ModelsLock.Read(_run.LockFile)!;
        var locked = lockFile.Models[ServingRegistry.Model];
        Assert.Equal("models:/churn_predictor/Production", locked.Request);
        Assert.Equal(1, locked.Version);
        Assert.Equal(_registry.Head, locked.RegistryCommit);
        Assert.Equal(_registry.Sha256(1), locked.Artifact.Sha256);
        Assert.Equal(_registry.ArtifactBytes[1].Length, locked.Artifact.Size);
        Assert.Equal("model.onnx", locked.Artifact.FileName);
        Assert.Contains(log.Messages, m => m.Contains("churn_predictor -> version 1") && m.Contains("added to the lock"));

        var schema = await JsonSchema.FromFileAsync(Path.Combine(SourcePackages.RepositoryRoot, "schema", "models-lock.schema.json"), TestContext.Current.CancellationToken);
        Assert.Empty(schema.Validate(File.ReadAllText(_run.LockFile)));
    }

    [Fact]
    public void Restore_lists_the_verified_cached_artifact_and_the_manifest_to_copy_under_models()
    {
        _run.Restore(Production);

        var restored = _run.Restored();

        Assert.Equal(["models/churn_predictor/manifest.json", "models/churn_predictor/model.onnx"], restored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(_registry.ArtifactBytes[1], File.ReadAllBytes(_run.CachedArtifact));
        Assert.StartsWith(_run.CacheRoot, _run.CachedArtifact);
        var json = JsonNode.Parse(File.ReadAllText(restored["models/churn_predictor/manifest.json"]))!;
        Assert.Equal(1, (int)json["version"]!);
        Assert.Equal(_registry.Sha256(1), (string)json["artifact"]!["sha256"]!);
        Assert.Equal(0.81, (double)json["metrics"]!["test"]!["auc_roc"]!);
    }

    [Fact]
    public void Catalog_has_typed_constants_and_is_rewritten_only_when_its_content_changes()
    {
        _run.Restore(Production);
        var catalog = File.ReadAllText(_run.CatalogFile);
        var written = File.GetLastWriteTimeUtc(_run.CatalogFile);

        Assert.Contains("namespace Serving;", catalog);
        Assert.Contains("internal static class ChurnPredictor", catalog);
        Assert.Contains("public const int Version = 1;", catalog);
        Assert.Contains("public const string? Stage = \"Production\";", catalog);
        Assert.Contains($"public const string Sha256 = \"{_registry.Sha256(1)}\";", catalog);
        Assert.Contains("public const string ArtifactPath = \"models/churn_predictor/model.onnx\";", catalog);
        Assert.Contains("public const string TenureMonths = \"tenure_months\";", catalog);
        Assert.Contains("public const string ChurnProbability = \"churn_probability\";", catalog);

        Thread.Sleep(50);
        var (again, log) = _run.Restore(Production, updateLock: true);
        Assert.True(again, log.Describe());
        Assert.Equal(written, File.GetLastWriteTimeUtc(_run.CatalogFile));
    }

    [Fact]
    public void Unchanged_requests_use_the_lock_without_contacting_the_registry()
    {
        _run.Restore(Production);
        _registry.Promote(2);
        // Prove no registry access: the registry is gone, the cache and the lock suffice.
        Directory.Move(_registry.Path, _registry.Path + "-moved");

        var (succeeded, log) = _run.Restore(Production);

        Assert.True(succeeded, log.Describe());
        Assert.Equal(1, ModelsLock.Read(_run.LockFile)!.Models[ServingRegistry.Model].Version);
        Assert.Contains(log.Messages, m => m.Contains("churn_predictor -> version 1") && m.Contains("from the lock"));
    }

    [Fact]
    public void A_cold_cache_restores_the_locked_version_as_of_its_registry_commit_even_after_it_was_deleted()
    {
        _run.Restore(Production);
        _registry.Promote(2);
        _registry.GitReg("delete", ServingRegistry.Model, "1", "--comment", "superseded");
        Directory.Delete(_run.CacheRoot, recursive: true);

        var (succeeded, log) = _run.Restore(Production);

        Assert.True(succeeded, log.Describe());
        Assert.Equal(1, ModelsLock.Read(_run.LockFile)!.Models[ServingRegistry.Model].Version);
        Assert.Equal(_registry.ArtifactBytes[1], File.ReadAllBytes(_run.CachedArtifact));
    }

    [Fact]
    public void Locked_mode_fails_with_GR1004_naming_the_model_and_both_versions_and_how_to_update()
    {
        _run.Restore(Production);
        _registry.Promote(2);

        var (succeeded, log) = _run.Restore(Production, lockedMode: true);

        Assert.False(succeeded);
        var error = Assert.Single(log.Errors);
        Assert.Equal("GR1004", error.Code);
        Assert.Contains("churn_predictor moved from version 1 to version 2", error.Message);
        Assert.Contains("dotnet build -p:GitRegistryUpdateLock=true", error.Message);
        Assert.Contains("gitreg lock update", error.Message);
        Assert.Equal(_run.LockFile, error.File);
        Assert.Equal(1, ModelsLock.Read(_run.LockFile)!.Models[ServingRegistry.Model].Version);
    }

    [Fact]
    public void Locked_mode_without_a_lock_entry_for_a_reference_fails_with_GR1003()
    {
        _run.Restore(Production);

        var (succeeded, log) = _run.Restore([.. Production, TaskRun.Reference("fraud", stage: "Production")], lockedMode: true);

        Assert.False(succeeded);
        Assert.Equal("GR1003", Assert.Single(log.Errors).Code);
        Assert.Contains("models:/fraud/Production is not in the lock", log.Errors[0].Message);
    }

    [Fact]
    public void Update_lock_moves_to_the_new_production_and_rewrites_the_catalog()
    {
        _run.Restore(Production);
        _registry.Promote(2);

        var (succeeded, log) = _run.Restore(Production, updateLock: true);

        Assert.True(succeeded, log.Describe());
        var locked = ModelsLock.Read(_run.LockFile)!.Models[ServingRegistry.Model];
        Assert.Equal(2, locked.Version);
        Assert.Equal(_registry.Sha256(2), locked.Artifact.Sha256);
        Assert.Contains(log.Messages, m => m.Contains("churn_predictor -> version 2") && m.Contains("was 1"));
        Assert.Contains("public const int Version = 2;", File.ReadAllText(_run.CatalogFile));
        Assert.Equal(_registry.ArtifactBytes[2], File.ReadAllBytes(_run.CachedArtifact));
    }

    [Fact]
    public void Version_and_alias_references_resolve_to_their_versions()
    {
        _registry.GitReg("alias", "set", ServingRegistry.Model, "challenger", "2");
        ModelsLockWithReference(TaskRun.Reference(ServingRegistry.Model, version: "2"), "models:/churn_predictor/2", 2);
        ModelsLockWithReference(TaskRun.Reference(ServingRegistry.Model, alias: "challenger"), "models:/churn_predictor@challenger", 2);
    }

    private void ModelsLockWithReference(Microsoft.Build.Framework.ITaskItem reference, string request, int version)
    {
        var (succeeded, log) = _run.Restore([reference]);
        Assert.True(succeeded, log.Describe());
        var locked = ModelsLock.Read(_run.LockFile)!.Models[ServingRegistry.Model];
        Assert.Equal(request, locked.Request);
        Assert.Equal(version, locked.Version);
    }

    [Fact]
    public void Altered_cached_artifact_fails_with_GR1009_and_names_the_file_to_delete()
    {
        _run.Restore(Production);
        var cached = _run.CachedArtifact;
        File.AppendAllText(cached, "tampered");

        var (succeeded, log) = _run.Restore(Production);

        Assert.False(succeeded);
        var error = Assert.Single(log.Errors);
        Assert.Equal("GR1009", error.Code);
        Assert.Contains("has been altered", error.Message);
        Assert.Contains($"delete {cached}", error.Message);
    }

    [Fact]
    public void Lock_sha256_that_disagrees_with_the_manifest_fails_with_GR1008()
    {
        _run.Restore(Production);
        var forged = new string('a', 64);
        File.WriteAllText(_run.LockFile, File.ReadAllText(_run.LockFile).Replace(_registry.Sha256(1), forged));

        var (succeeded, log) = _run.Restore(Production);

        Assert.False(succeeded);
        var error = Assert.Single(log.Errors);
        Assert.Equal("GR1008", error.Code);
        Assert.Contains(forged, error.Message);
        Assert.Contains(_registry.Sha256(1), error.Message);
    }

    [Theory]
    [InlineData(null, null, null, "names no Stage, Version or Alias")]
    [InlineData("Production", "2", null, "names Stage and Version; it may name only one")]
    [InlineData(null, "two", null, "has Version=\"two\": a version is a number")]
    [InlineData("7", null, null, "has Stage=\"7\": a stage name starts with a letter")]
    public void A_reference_must_name_exactly_one_of_stage_version_alias_GR1002(string? stage, string? version, string? alias, string message)
    {
        var (succeeded, log) = _run.Restore([TaskRun.Reference(ServingRegistry.Model, stage, version, alias)]);

        Assert.False(succeeded);
        Assert.Equal("GR1002", Assert.Single(log.Errors).Code);
        Assert.Contains(message, log.Errors[0].Message);
        Assert.Contains("Fix:", log.Errors[0].Message);
    }

    [Fact]
    public void References_without_a_registry_url_fail_with_GR1001()
    {
        var (succeeded, log) = _run.Restore(Production, registryUrl: " ");

        Assert.False(succeeded);
        Assert.Equal("GR1001", Assert.Single(log.Errors).Code);
        Assert.Contains("<GitRegistryUrl>", log.Errors[0].Message);
    }

    [Fact]
    public void An_unknown_model_fails_with_GR1005_listing_the_models_there_are()
    {
        var (succeeded, log) = _run.Restore([TaskRun.Reference("fraud", stage: "Production")]);

        Assert.False(succeeded);
        Assert.Equal("GR1005", Assert.Single(log.Errors).Code);
        Assert.Contains("churn_predictor", log.Errors[0].Message);
        Assert.False(File.Exists(_run.LockFile));
    }

    [Fact]
    public void A_remote_registry_url_is_mirrored_bare_into_the_cache_and_read_with_its_artifact_store()
    {
        var url = new Uri(_registry.Path).AbsoluteUri;

        var (succeeded, log) = _run.Restore(Production, registryUrl: url, artifactStore: _registry.ArtifactStore);

        Assert.True(succeeded, log.Describe());
        Assert.Equal(1, ModelsLock.Read(_run.LockFile)!.Models[ServingRegistry.Model].Version);
        var mirror = Assert.Single(Directory.GetDirectories(Path.Combine(_run.CacheRoot, "registries")));
        Assert.Equal("true", _registry.User.GitIn(mirror, "rev-parse", "--is-bare-repository").ShouldSucceed().StandardOutput.Trim());

        // The mirror is fetched when a request must be resolved again.
        _registry.Promote(2);
        var (updated, updateLog) = _run.Restore(Production, updateLock: true, registryUrl: url, artifactStore: _registry.ArtifactStore);
        Assert.True(updated, updateLog.Describe());
        Assert.Equal(2, ModelsLock.Read(_run.LockFile)!.Models[ServingRegistry.Model].Version);
    }

    public void Dispose() => _registry.Dispose();
}

using System.Formats.Tar;
using System.Security.Cryptography;
using GitRegistry.Import;
using GitRegistry.Manifests;
using GitRegistry.Tests.Signing;

namespace GitRegistry.Tests.Import;

/// <summary>
/// Imports of MLflow file stores built with MLflow's real layout into real registries (real git, signed commits),
/// compared field by field with what the store holds.
/// </summary>
[Collection(RegistrySigningCollection.Name)]
public sealed class MlflowImportTests(RegistrySigningEnvironment environment)
{
    private const long Day = 86_400_000;
    private const long T0 = 1_700_000_000_123; // 2023-11-14T22:13:20.123Z

    [Fact]
    public void Import_keeps_numbers_stages_aliases_tags_descriptions_times_params_metrics_and_artifacts()
    {
        var (store, registry) = StoreAndRegistry();
        using var _ = registry;

        var report = registry.ImportMlflow(new MlflowImportOptions { StorePath = store.Root });

        Assert.Equal(["churn", "fraud_model"], registry.ListModels().Select(m => m.Name));
        var churn = registry.GetModel("churn");
        Assert.Equal("Predicts which customers cancel within 30 days.", churn.Description);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "growth", ["owner/email"] = "ada@example.com" }, churn.Tags);
        Assert.Equal(new Dictionary<string, int> { ["champion"] = 2, ["challenger"] = 6 }, churn.Aliases);
        Assert.Equal([1, 2, 3, 5, 6], churn.Versions.Keys);
        Assert.Equal(["Archived", "Production", "None", "None", "Staging"], churn.Versions.Values.Select(v => v.Stage));
        Assert.Equal("mlflow", churn.Imported!.From);
        Assert.Equal(store.Root, churn.Imported.Location);
        Assert.Equal("models/churn", churn.Imported.Record);
        Assert.Equal((T0 - 30 * Day).ToString(), churn.Imported.Fields["creation_timestamp"]);
        Assert.Equal((T0 + 9 * Day).ToString(), churn.Imported.Fields["last_updated_timestamp"]);

        // Version 1: a run with params, metrics by split, a git commit; its artifact folder copied as one tar.
        var v1 = registry.GetVersion("churn", 1);
        var m1 = v1.Manifest;
        Assert.Equal("2023-11-14T22:13:20.123Z", m1.CreatedAt);
        Assert.Equal(RegistrySigningEnvironment.Email, m1.CreatedBy.Email);
        Assert.Equal("ada", m1.Imported!.Author);
        Assert.Equal("models/churn/version-1", m1.Imported.Record);
        Assert.Equal("first FastTree", m1.Description);
        Assert.Equal(new SortedDictionary<string, object> { ["early_stopping"] = "True", ["learning_rate"] = 0.1, ["num_trees"] = 200L, ["objective"] = "binary", ["regularization"] = "1e-05" }, m1.Params);
        Assert.Equal(0.95, m1.Metrics["train"]["auc"]);
        Assert.Equal(0.92, m1.Metrics["validation"]["auc"]);
        Assert.Equal(0.91, m1.Metrics["test"]["auc"]);
        Assert.Equal(0.31, m1.Metrics["test"]["log_loss"]);
        Assert.Equal(0.88, m1.Metrics["default"]["accuracy"]);
        Assert.Equal(0.4, m1.Metrics["validation"]["loss"]);
        Assert.Equal(0.77, m1.Metrics["default"]["f1_macro"]);
        Assert.Equal("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", m1.CodeCommit);
        Assert.Equal("r1000000000000000000000000000001", m1.Run!.Id);
        Assert.Equal("Archived", v1.Stage);
        Assert.Equal("4", m1.Imported.Fields["run.source_type"]);
        Assert.Equal("3", m1.Imported.Fields["run.status"]);
        Assert.Equal("0", m1.Imported.Fields["run.experiment_id"]);
        Assert.Equal("Default", m1.Imported.Fields["run.experiment_name"]);
        Assert.Equal("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", m1.Imported.Fields["run.tags.mlflow.source.git.commit"]);
        Assert.Equal("READY", m1.Imported.Fields["status"]);
        Assert.Equal("Archived", m1.Imported.Fields["current_stage"]);
        Assert.Equal((T0 + 5 * Day).ToString(), m1.Imported.Fields["last_updated_timestamp"]);
        Assert.Equal($"file://{store.OriginalRoot}/0/r1000000000000000000000000000001/artifacts/model", m1.Imported.Fields["source"]);
        Assert.Equal("python_function, sklearn", m1.Imported.Fields["mlmodel.flavors"]);
        Assert.Equal("model.tar", m1.Artifact.FileName);
        Assert.Equal("other", m1.Artifact.Format);
        Assert.Equal("requirements.txt", m1.Dependencies!.FileName);
        Assert.Equal("mlflow==2.9.2\nscikit-learn==1.3.0\ncloudpickle==3.0.0\n", m1.Dependencies.Content);
        Assert.Equal(["tenure:double", "plan:string"], m1.Signature!.Inputs.Select(c => $"{c.Name}:{c.Type}"));
        Assert.Equal([null, true], m1.Signature.Inputs.Select(c => c.Optional));
        Assert.Equal("0:double:-1", string.Join(",", m1.Signature.Outputs.Select(c => $"{c.Name}:{c.Type}:{string.Join(' ', c.Shape!)}")));
        AssertArchiveHolds(registry, v1, Path.Combine(store.Root, "0", "r1000000000000000000000000000001", "artifacts", "model"));

        // Version 2: Production, @champion, version tags (one a nested folder), a runs:/ source.
        var v2 = registry.GetVersion("churn", 2);
        Assert.Equal("Production", v2.Stage);
        Assert.Equal(["champion"], v2.Aliases);
        Assert.Equal(new Dictionary<string, string> { ["validated"] = "true", ["review/by"] = "grace" }, v2.State.Tags);
        Assert.Equal(v2.State.Tags, v2.Manifest.Tags);
        Assert.Equal("2023-12-14T22:13:20.123Z", v2.Manifest.CreatedAt);
        Assert.Equal("https://mlflow.example.com/#/experiments/0/runs/r2", v2.Manifest.Run!.Uri);
        AssertArchiveHolds(registry, v2, Path.Combine(store.Root, "0", "r2000000000000000000000000000002", "artifacts", "model"));

        // Version 3: soft-deleted in MLflow, imported as deleted so its number stays taken.
        var v3 = registry.GetVersion("churn", 3);
        Assert.True(v3.IsDeleted);
        Assert.Equal("None", v3.Stage);
        Assert.Equal("2023-11-25T22:13:20.123Z", v3.State.Deleted!.At);
        Assert.Contains("Deleted_Internal", v3.State.Deleted.Comment);

        // Version 5: MLflow 3 (model_id, deployment_job_state, a models:/m-... source), a NaN metric kept aside.
        var m5 = registry.GetVersion("churn", 5).Manifest;
        Assert.Equal("m-0123456789abcdef", m5.Imported!.Fields["model_id"]);
        Assert.Equal("{\"current_task_name\":\"\",\"job_id\":\"\",\"job_state\":\"DEPLOYMENT_JOB_CONNECTION_STATE_UNSPECIFIED\",\"run_id\":\"\",\"run_state\":\"DEPLOYMENT_JOB_RUN_STATE_UNSPECIFIED\"}", m5.Imported.Fields["deployment_job_state"]);
        Assert.Equal("nan", m5.Imported.Fields["metrics.val_loss"]);
        Assert.Equal(0.93, m5.Metrics["test"]["auc"]);
        AssertArchiveHolds(registry, registry.GetVersion("churn", 5), Path.Combine(store.Root, "1", "models", "m-0123456789abcdef", "artifacts"));

        // Version 6: its artifact is in S3, which this machine cannot read: an explicit placeholder.
        var m6 = registry.GetVersion("churn", 6).Manifest;
        Assert.True(m6.Artifact.IsPlaceholder());
        Assert.Equal(Artifact.EmptySha256, m6.Artifact.Sha256);
        Assert.Equal("s3://models/churn/6", m6.Imported!.Fields["source"]);
        var fetch = Assert.Throws<RegistryException>(() => registry.FetchArtifact(registry.GetVersion("churn", 6), environment.Signing.NewFolder("fetch")));
        Assert.Equal(ErrorKind.Artifact, fetch.Kind);

        // A model whose MLflow name is not a registry name.
        Assert.Equal("Production", registry.GetVersion("fraud_model", 1).Stage);

        Assert.Contains(report.Skipped, n => n.Where == "churn version 4" && n.Message.Contains("FAILED_REGISTRATION"));
        Assert.Contains(report.Unmapped, n => n.Where == "Fraud Model" && n.Message.Contains("fraud_model"));
        Assert.Contains(report.Unmapped, n => n.Where == "churn@old" && n.Message.Contains("deleted"));
        Assert.Contains(report.Unmapped, n => n.Where == "churn version 6" && n.Message.Contains("s3://models/churn/6"));
        Assert.Contains(report.Unmapped, n => n.Where == "churn version 1" && n.Message.Contains("f1 macro") && n.Message.Contains("default.f1_macro"));
        Assert.Equal(5, report.ArtifactsCopied);
        Assert.Empty(registry.Validate());
        var verification = registry.Verify();
        Assert.True(verification.Passed, string.Join("\n", verification.Failures.SelectMany(f => f.Problems)));
    }

    [Fact]
    public void Second_import_writes_nothing_and_a_later_one_only_the_new_version()
    {
        var (store, registry) = StoreAndRegistry();
        using var _ = registry;
        registry.ImportMlflow(new MlflowImportOptions { StorePath = store.Root });
        var head = registry.Head;

        var again = registry.ImportMlflow(new MlflowImportOptions { StorePath = store.Root });

        Assert.True(again.NothingNew);
        Assert.Equal(head, registry.Head);
        Assert.Equal([1, 2, 3, 5, 6], again.Models.Single(m => m.Name == "churn").AlreadyImported);

        store.Run("0", "r7000000000000000000000000000007", "ada", T0 + 40 * Day, metrics: new Dictionary<string, (long, string, long)[]> { ["test_auc"] = [(T0 + 40 * Day, "0.95", 0)] },
            artifacts: MlflowStoreBuilder.SklearnModel("model", "weights-7"));
        store.Version("churn", 7, T0 + 41 * Day, T0 + 42 * Day, "Production", "runs:/r7000000000000000000000000000007/model", "r7000000000000000000000000000007", user: "ada");
        File.WriteAllText(Path.Combine(store.Root, "models", "churn", "aliases", "champion"), "7");

        var later = registry.ImportMlflow(new MlflowImportOptions { StorePath = store.Root });

        var churn = later.Models.Single(m => m.Name == "churn");
        Assert.Equal([7], churn.Imported.Select(v => v.Version));
        Assert.Single(churn.Commits);
        Assert.Equal(7, registry.GetModel("churn").Aliases["champion"]);
        Assert.Equal("Production", registry.GetVersion("churn", 7).Stage);
        Assert.Equal("Production", registry.GetVersion("churn", 2).Stage);
        Assert.Empty(registry.Validate());
        Assert.True(registry.Verify().Passed);
    }

    [Fact]
    public void Per_version_commits_and_skipping_deleted_versions()
    {
        var (store, registry) = StoreAndRegistry();
        using var _ = registry;

        var report = registry.ImportMlflow(new MlflowImportOptions { StorePath = store.Root, Models = ["churn"], Commits = ImportCommits.PerVersion, SkipDeleted = true });

        var churn = report.Models.Single();
        Assert.Equal([1, 2, 5, 6], churn.Imported.Select(v => v.Version));
        Assert.Equal(4, churn.Commits.Count);
        Assert.Contains(report.Skipped, n => n.Where == "churn version 3" && n.Message.Contains("deleted"));
        Assert.Equal(["churn"], registry.ListModels().Select(m => m.Name));
        Assert.True(registry.Verify().Passed);
    }

    [Fact]
    public void Import_into_Production_on_main_is_refused_when_the_policy_wants_approvals()
    {
        var store = BuildStore(environment.Signing.NewFolder("mlruns"));
        using var registry = Registry.Init(Path.Combine(environment.Signing.NewFolder("registry"), "registry"), approvals: 1);
        var head = registry.Head;

        var error = Assert.Throws<RegistryException>(() => registry.ImportMlflow(new MlflowImportOptions { StorePath = store.Root }));

        Assert.Equal(ErrorKind.Policy, error.Kind);
        Assert.Contains("approval", error.Message);
        Assert.Equal(head, registry.Head);
    }

    [Fact]
    public void The_same_folder_archives_to_the_same_bytes()
    {
        var store = BuildStore(environment.Signing.NewFolder("mlruns"));
        var folder = Path.Combine(store.Root, "0", "r1000000000000000000000000000001", "artifacts", "model");
        var first = Path.Combine(environment.Signing.NewFolder("tar"), "a.tar");
        var second = Path.Combine(environment.Signing.NewFolder("tar"), "b.tar");
        File.SetLastWriteTimeUtc(Path.Combine(folder, "model.pkl"), DateTime.UtcNow);

        DirectoryArchive.Write(folder, first, DateTimeOffset.FromUnixTimeMilliseconds(T0));
        File.SetLastWriteTimeUtc(Path.Combine(folder, "model.pkl"), DateTime.UtcNow.AddDays(-3));
        DirectoryArchive.Write(folder, second, DateTimeOffset.FromUnixTimeMilliseconds(T0));

        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(first))), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(second))));
    }

    private (MlflowStoreBuilder Store, Registry Registry) StoreAndRegistry()
    {
        var store = BuildStore(environment.Signing.NewFolder("mlruns"));
        var registry = Registry.Init(Path.Combine(environment.Signing.NewFolder("registry"), "registry"), approvals: 0);
        return (store, registry);
    }

    /// <summary>
    /// churn: v1 Archived (run with params, metrics, git commit; a file:// source from another machine), v2 Production
    /// @champion (runs:/ source, nested tag), v3 soft-deleted, v4 failed registration, v5 MLflow 3 (model_id,
    /// models:/m-... source, a NaN metric), v6 Staging @challenger with an S3 source. "Fraud Model": v1 Production.
    /// </summary>
    internal static MlflowStoreBuilder BuildStore(string root)
    {
        var store = new MlflowStoreBuilder(Path.Combine(root, "mlruns"));
        store.Experiment("1", "churn-v3", T0);
        store.Run("0", "r1000000000000000000000000000001", "ada", T0 - Day,
            parameters: new Dictionary<string, string> { ["learning_rate"] = "0.1", ["num_trees"] = "200", ["objective"] = "binary", ["early_stopping"] = "True", ["regularization"] = "1e-05" },
            metrics: new Dictionary<string, (long, string, long)[]>
            {
                ["train_auc"] = [(T0 - Day, "0.90", 0), (T0 - Day + 10, "0.95", 1)],
                ["val_auc"] = [(T0 - Day, "0.92", 0)],
                ["test_auc"] = [(T0 - Day + 5, "0.91", 3), (T0 - Day + 1, "0.89", 3), (T0 - Day + 9, "0.7", 2)],
                ["test/log_loss"] = [(T0 - Day, "0.31", 0)],
                ["accuracy"] = [(T0 - Day, "0.88", 0)],
                ["loss_val"] = [(T0 - Day, "0.5", 0), (T0 - Day + 50, "0.4", 2), (T0 - Day + 100, "0.45", 1)],
                ["f1 macro"] = [(T0 - Day, "0.77", 0)],
            },
            tags: new Dictionary<string, string> { ["mlflow.source.git.commit"] = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678" },
            artifacts: MlflowStoreBuilder.SklearnModel("model", "weights-1"));
        store.Run("0", "r2000000000000000000000000000002", "grace", T0 + 29 * Day,
            parameters: new Dictionary<string, string> { ["learning_rate"] = "0.05" },
            metrics: new Dictionary<string, (long, string, long)[]> { ["test_auc"] = [(T0 + 29 * Day, "0.92", 0)] },
            artifacts: MlflowStoreBuilder.SklearnModel("model", "weights-2"));
        store.Run("0", "r3000000000000000000000000000003", "ada", T0 + 10 * Day, artifacts: MlflowStoreBuilder.SklearnModel("model", "weights-3"));
        store.Run("1", "r5000000000000000000000000000005", "ada", T0 + 31 * Day,
            metrics: new Dictionary<string, (long, string, long)[]> { ["test_auc"] = [(T0 + 31 * Day, "0.93", 0)], ["val_loss"] = [(T0 + 31 * Day, "nan", 0)] });
        store.LoggedModel("1", "m-0123456789abcdef", "r5000000000000000000000000000005", T0 + 31 * Day, new Dictionary<string, string>
        {
            ["MLmodel"] = "artifact_path: null\nflavors:\n  sklearn:\n    pickled_model: model.pkl\nmodel_id: m-0123456789abcdef\nmlflow_version: 3.1.0\n",
            ["model.pkl"] = "weights-5",
            ["requirements.txt"] = "mlflow==3.1.0\n",
        });
        store.Run("0", "r6000000000000000000000000000006", "ada", T0 + 35 * Day);

        store.RegisteredModel("churn", T0 - 30 * Day, T0 + 9 * Day, "Predicts which customers cancel within 30 days.",
            tags: new Dictionary<string, string> { ["team"] = "growth", ["owner/email"] = "ada@example.com" },
            aliases: new Dictionary<string, int> { ["champion"] = 2, ["challenger"] = 6, ["Old"] = 3 },
            staleAliases: new Dictionary<string, string> { ["champion"] = "1" });
        store.Version("churn", 1, T0, T0 + 5 * Day, "Archived", $"file://{store.OriginalRoot}/0/r1000000000000000000000000000001/artifacts/model", "r1000000000000000000000000000001",
            description: "first FastTree", user: "ada");
        store.Version("churn", 2, T0 + 30 * Day, T0 + 31 * Day, "Production", "runs:/r2000000000000000000000000000002/model", "r2000000000000000000000000000002",
            user: "grace", tags: new Dictionary<string, string> { ["validated"] = "true", ["review/by"] = "grace" },
            extra: new Dictionary<string, object?> { ["run_link"] = "https://mlflow.example.com/#/experiments/0/runs/r2" });
        store.Version("churn", 3, T0 + 10 * Day, T0 + 11 * Day, "Deleted_Internal", $"file://{store.OriginalRoot}/0/r3000000000000000000000000000003/artifacts/model", "r3000000000000000000000000000003", user: "ada");
        store.Version("churn", 4, T0 + 20 * Day, T0 + 20 * Day, "None", "file:///tmp/nowhere/model", null, status: "FAILED_REGISTRATION", user: "ada");
        store.Version("churn", 5, T0 + 32 * Day, T0 + 32 * Day, "None", "models:/m-0123456789abcdef", "r5000000000000000000000000000005", user: "ada",
            storageLocation: $"file://{store.OriginalRoot}/1/models/m-0123456789abcdef/artifacts",
            extra: new Dictionary<string, object?>
            {
                ["model_id"] = "m-0123456789abcdef",
                ["deployment_job_state"] = new Dictionary<string, object?>
                {
                    ["job_id"] = "", ["current_task_name"] = "", ["job_state"] = "DEPLOYMENT_JOB_CONNECTION_STATE_UNSPECIFIED", ["run_id"] = "", ["run_state"] = "DEPLOYMENT_JOB_RUN_STATE_UNSPECIFIED",
                },
            });
        store.Version("churn", 6, T0 + 35 * Day, T0 + 36 * Day, "Staging", "s3://models/churn/6", "r6000000000000000000000000000006", user: "ada");

        store.Run("0", "r9000000000000000000000000000009", "linus", T0, artifacts: new Dictionary<string, string> { ["model/model.onnx"] = "onnx-bytes" });
        store.RegisteredModel("Fraud Model", T0, T0, null);
        store.Version("Fraud Model", 1, T0 + 1000, T0 + 2000, "Production", "runs:/r9000000000000000000000000000009/model/model.onnx", "r9000000000000000000000000000009", user: "linus");
        return store;
    }

    /// <summary>Fetches a version's artifact (checking its sha256), unpacks it, and compares every file with the source folder.</summary>
    private void AssertArchiveHolds(Registry registry, Reading.ModelVersionInfo version, string folder)
    {
        var fetched = registry.FetchArtifact(version, environment.Signing.NewFolder("fetched"));
        var unpacked = environment.Signing.NewFolder("unpacked");
        TarFile.ExtractToDirectory(fetched, unpacked, overwriteFiles: false);
        var expected = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order().ToList();
        var actual = Directory.EnumerateFiles(unpacked, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(unpacked, f)).Order().ToList();
        Assert.Equal(expected, actual);
        foreach (var file in expected)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, file)), File.ReadAllBytes(Path.Combine(unpacked, file)));
        }
    }
}

using System.Security.Cryptography;
using GitRegistry.Manifests;
using GitRegistry.Registration;

namespace GitRegistry.Tests.Registration;

/// <summary>Registering versions in real registries, bare and not.</summary>
public sealed class RegisterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Registering_gives_versions_1_2_3(bool bare)
    {
        using var registry = TestRegistry.Create(bare);

        var versions = Enumerable.Range(0, 3).Select(_ => registry.Register("churn").Manifest.Version).ToList();

        Assert.Equal([1, 2, 3], versions);
        Assert.Equal([3, 2, 1], registry.Registry.ListVersions("churn").Select(v => v.Version));
        Assert.Equal(["1.yaml", "2.yaml", "3.yaml"], registry.GitOutput("ls-tree", "--name-only", "main:models/churn/versions/").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_deleted_version_number_is_never_reused(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        registry.Register("churn");
        registry.Register("churn");
        registry.Registry.DeleteVersion("churn", 2);

        var next = registry.Register("churn");

        Assert.Equal(3, next.Manifest.Version);
    }

    [Fact]
    public void Deleting_every_version_still_does_not_reuse_numbers()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Registry.DeleteVersion("churn", 1);

        Assert.Equal(2, registry.Register("churn").Manifest.Version);
    }

    [Fact]
    public void Each_model_counts_its_own_versions()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn");
        registry.Register("churn");

        Assert.Equal(1, registry.Register("fraud").Manifest.Version);
    }

    [Fact]
    public void A_new_version_starts_in_stage_None()
    {
        using var registry = TestRegistry.Create();

        registry.Register("churn");

        Assert.Equal("None", registry.Registry.GetVersion("churn", 1).Stage);
    }

    [Fact]
    public void The_manifest_records_everything_registered_with_it()
    {
        using var registry = TestRegistry.Create();
        var artifact = registry.WriteFile("model.onnx", [1, 2, 3, 4, 5]);
        var requirements = registry.WriteFile("requirements.txt", "numpy==2.1.0\nonnxruntime==1.19.2\n");

        var result = registry.Registry.Register(new RegistrationRequest
        {
            Name = "churn",
            ArtifactPath = artifact,
            Description = "first cut",
            Params = new Dictionary<string, object> { ["learning_rate"] = 0.1, ["num_trees"] = 200L, ["objective"] = "binary", ["early_stopping"] = true },
            Metrics = new Dictionary<string, IDictionary<string, double>> { ["test"] = new Dictionary<string, double> { ["auc_roc"] = 0.91 } },
            Data = new DataLineage { Sha256 = new string('d', 64), Cutoff = "2026-10-31", Source = "s3://data/churn.parquet", Rows = 120000 },
            Preprocessing = new Preprocessing { Version = "1.4.2", CodeCommit = "3f2a9c1" },
            CodeCommit = "a1b2c3d4e5f6",
            RequirementsPath = requirements,
            Signature = new ModelSignature { Inputs = [new Column { Name = "tenure", Type = "float" }], Outputs = [new Column { Name = "score", Type = "double" }] },
            Tags = new Dictionary<string, string> { ["team"] = "growth" },
            Run = new RunInfo { Id = "run-42", Uri = "https://tracker.example.com/runs/42" },
        });

        var read = registry.Registry.GetVersion("churn", 1).Manifest;
        Assert.Equal(result.Manifest.CreatedAt, read.CreatedAt);
        Assert.Equal(new Person { Name = TestEnvironment.UserName, Email = TestEnvironment.UserEmail }.ToString(), read.CreatedBy.ToString());
        Assert.Equal("first cut", read.Description);
        Assert.Equal(0.1, Convert.ToDouble(read.Params["learning_rate"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(200L, Convert.ToInt64(read.Params["num_trees"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("binary", read.Params["objective"]);
        Assert.Equal(true, read.Params["early_stopping"]);
        Assert.Equal(0.91, read.Metrics["test"]["auc_roc"]);
        Assert.Equal((new string('d', 64), "2026-10-31", "s3://data/churn.parquet", 120000L), (read.Data!.Sha256, read.Data.Cutoff, read.Data.Source, read.Data.Rows));
        Assert.Equal(("1.4.2", "3f2a9c1"), (read.Preprocessing!.Version, read.Preprocessing.CodeCommit));
        Assert.Equal("a1b2c3d4e5f6", read.CodeCommit);
        Assert.Equal("numpy==2.1.0\nonnxruntime==1.19.2\n", read.Dependencies!.Content);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(requirements))), read.Dependencies.Sha256);
        Assert.Equal("requirements.txt", read.Dependencies.FileName);
        Assert.Equal(["tenure"], read.Signature!.Inputs.Select(c => c.Name));
        Assert.Equal("growth", read.Tags["team"]);
        Assert.Equal("run-42", read.Run!.Id);
        var sha = Convert.ToHexStringLower(SHA256.HashData([1, 2, 3, 4, 5]));
        Assert.Equal(("cas://sha256/" + sha, sha, 5L, "onnx", "model.onnx"), (read.Artifact.Uri, read.Artifact.Sha256, read.Artifact.Size, read.Artifact.Format, read.Artifact.FileName));
    }

    [Theory]
    [InlineData("model.onnx", "onnx")]
    [InlineData("model.ZIP", "mlnet")]
    [InlineData("model.pkl", "pickle")]
    [InlineData("model.joblib", "pickle")]
    [InlineData("saved_model.pb", "savedmodel")]
    [InlineData("weights.bin", "other")]
    public void The_artifact_format_is_inferred_from_the_file_extension(string fileName, string format)
    {
        using var registry = TestRegistry.Create();
        var artifact = registry.WriteFile(fileName, "bytes of " + fileName);

        var result = registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = artifact });

        Assert.Equal(format, result.Manifest.Artifact.Format);
    }

    [Fact]
    public void Registering_with_an_invalid_model_name_is_a_usage_error_and_writes_nothing()
    {
        using var registry = TestRegistry.Create();
        var head = registry.Registry.Head;
        var artifact = registry.WriteFile("model.onnx", "x");

        var error = Assert.Throws<RegistryException>(() => registry.Registry.Register(new RegistrationRequest { Name = "../escape", ArtifactPath = artifact }));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Equal(head, registry.Registry.Head);
    }

    [Fact]
    public void Registering_a_missing_artifact_is_a_not_found_error_naming_the_file()
    {
        using var registry = TestRegistry.Create();
        var missing = Path.Combine(registry.Folder, "nowhere.onnx");

        var error = Assert.Throws<RegistryException>(() => registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = missing }));

        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void Registering_a_folder_as_the_artifact_is_a_usage_error()
    {
        using var registry = TestRegistry.Create();

        var error = Assert.Throws<RegistryException>(() => registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = registry.Folder }));

        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    [Fact]
    public void Registering_a_non_finite_metric_is_refused_and_writes_nothing()
    {
        using var registry = TestRegistry.Create();
        var head = registry.Registry.Head;

        var error = Assert.ThrowsAny<RegistryException>(() => registry.Registry.Register(new RegistrationRequest
        {
            Name = "churn",
            ArtifactPath = registry.WriteFile("model.onnx", "x"),
            Metrics = new Dictionary<string, IDictionary<string, double>> { ["test"] = new Dictionary<string, double> { ["auc"] = double.NaN } },
        }));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(head, registry.Registry.Head);
    }

    [Fact]
    public void Registering_a_metric_split_the_schema_refuses_names_the_field_and_writes_nothing()
    {
        using var registry = TestRegistry.Create();
        var head = registry.Registry.Head;

        var error = Assert.Throws<DocumentException>(() => registry.Registry.Register(new RegistrationRequest
        {
            Name = "churn",
            ArtifactPath = registry.WriteFile("model.onnx", "x"),
            Metrics = new Dictionary<string, IDictionary<string, double>> { ["Test Split"] = new Dictionary<string, double> { ["auc"] = 0.9 } },
        }));

        Assert.Equal("metrics['Test Split']", Assert.Single(error.Problems).Field);
        Assert.Equal(head, registry.Registry.Head);
    }

    [Fact]
    public void A_binary_dependencies_file_is_pinned_by_hash_only()
    {
        using var registry = TestRegistry.Create();
        var lockFile = registry.WriteFile("model.lock", [0x50, 0x4b, 0x00, 0x01]);

        var result = registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = registry.WriteFile("m.onnx", "x"), RequirementsPath = lockFile });

        Assert.Null(result.Manifest.Dependencies!.Content);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([0x50, 0x4b, 0x00, 0x01])), result.Manifest.Dependencies.Sha256);
    }

    [Fact]
    public void Registering_lists_the_model_with_its_live_versions()
    {
        using var registry = TestRegistry.Create();
        registry.Register("churn", description: "v1");
        registry.Register("churn");
        registry.Register("fraud");
        registry.Registry.DeleteVersion("churn", 2);

        var models = registry.Registry.ListModels();

        Assert.Equal(["churn", "fraud"], models.Select(m => m.Name));
        Assert.Equal((1, 1), (models[0].LiveVersions, models[0].LatestVersion));
    }
}

using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Registration;
using GitRegistry.Tests.History;

namespace GitRegistry.Tests.CrossTool;

/// <summary>Every file gitreg writes, at every commit, passes its schema: by our validator and by ajv.</summary>
public sealed class WrittenFilesTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_file_at_every_commit_passes_its_schema_by_our_validator_and_by_ajv(bool bare)
    {
        using var registry = TestRegistry.Create(bare, name: "ML registry: \"prod\" #1 — é");
        RegistryHistory.WriteEveryKind(registry);
        RegisterWithEverything(registry);
        var files = WrittenFiles(registry);

        Assert.Contains(files, f => f.Kind == DocumentKind.Registry);
        Assert.True(files.Count(f => f.Kind == DocumentKind.Model) >= 10, "a model.yaml after each kind of write");
        Assert.Contains(files, f => f.Kind == DocumentKind.ModelVersion);
        Assert.All(files, f => Assert.Empty(SchemaCatalog.Validate(f.Kind, DocumentSerializer.Parse(File.ReadAllText(f.Path), f.Name), f.Name)));
        var verdicts = Ajv.Validate(files.Select(f => (f.Path, f.Kind)));
        Assert.All(files, f => Assert.True(verdicts[f.Path].Valid, $"{f.Name}: {string.Join("; ", verdicts[f.Path].Errors)}"));
    }

    [Fact]
    public void Init_writes_the_registry_name_it_was_given()
    {
        using var registry = TestRegistry.Create(name: "ML registry: \"prod\" #1 — é \\ 😀");

        Assert.Equal("ML registry: \"prod\" #1 — é \\ 😀", registry.Registry.Config.Name);
        Assert.Contains("# Lifecycle stages (MLflow's).", registry.Show("registry.yaml"));
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("bell\u0007")]
    [InlineData("tab\there")]
    [InlineData("line\u2028separator")]
    [InlineData("")]
    public void Init_refuses_a_registry_name_that_registry_yaml_cannot_hold_and_leaves_nothing(string name)
    {
        var folder = Path.Combine(TestEnvironment.NewTempFolder("init-"), "registry");

        var error = Assert.ThrowsAny<RegistryException>(() => Registry.Init(folder, name));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any());
    }

    private static void RegisterWithEverything(TestRegistry registry) =>
        registry.Registry.Register(new RegistrationRequest
        {
            Name = "fraud.v2",
            ArtifactPath = registry.WriteFile("fraud.pkl", "pickled"),
            Description = "Multi-line\ndescription: with a colon\n# and a hash\n",
            Params = new Dictionary<string, object> { ["lr"] = 0.1, ["trees"] = 200L, ["kind"] = "yes", ["flag"] = false, ["date"] = "2026-10-31" },
            Metrics = new Dictionary<string, IDictionary<string, double>>
            {
                ["test"] = new Dictionary<string, double> { ["auc_roc"] = 0.91, ["loss@k"] = 1e-9, ["big"] = 1e300 },
                ["validation-eu"] = new Dictionary<string, double> { ["f1.macro"] = 0 },
            },
            Data = new DataLineage { Sha256 = new string('0', 64), Cutoff = "2026-10-31T23:59:59+02:00", Source = "s3://bucket/data.parquet", Rows = 0 },
            Preprocessing = new Preprocessing { Version = "1.0", CodeCommit = "0123456" },
            CodeCommit = "1234567",
            RequirementsPath = registry.WriteFile("requirements.txt", "numpy==2.1.0\n\n# pinned\n  torch==2.4 \n"),
            Signature = new ModelSignature
            {
                Inputs = [new Column { Name = "amount", Type = "double", Shape = [-1, 3], Optional = true }],
                Outputs = [new Column { Name = "is fraud?", Type = "boolean" }],
            },
            Tags = new Dictionary<string, string> { ["team/owner:id"] = "on", ["empty"] = "" },
            Run = new RunInfo { Id = "0042", Uri = "https://tracker.example.com/runs/0042" },
        });

    private static List<(string Name, DocumentKind Kind, string Path)> WrittenFiles(TestRegistry registry)
    {
        var folder = Path.Combine(registry.Folder, "written");
        Directory.CreateDirectory(folder);
        var seen = new HashSet<string>();
        var files = new List<(string, DocumentKind, string)>();
        foreach (var commit in Git.Lines(registry.Root, "rev-list", "main"))
        {
            foreach (var entry in Git.Lines(registry.Root, "ls-tree", "-r", commit))
            {
                // "100644 blob SHA\tPATH"
                var (meta, name) = (entry.Split('\t')[0], entry.Split('\t')[1]);
                var blob = meta.Split(' ')[2];
                DocumentKind? kind = name == "registry.yaml" ? DocumentKind.Registry
                    : name.EndsWith("/model.yaml", StringComparison.Ordinal) ? DocumentKind.Model
                    : name.Contains("/versions/", StringComparison.Ordinal) ? DocumentKind.ModelVersion
                    : null;
                if (kind is null || !seen.Add(blob))
                {
                    continue;
                }
                var path = Path.Combine(folder, blob + ".yaml");
                File.WriteAllText(path, registry.GitOutput("cat-file", "blob", blob));
                files.Add((name, kind.Value, path));
            }
        }
        return files;
    }
}

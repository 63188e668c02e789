using GitRegistry.Import;
using GitRegistry.Search;
using GitRegistry.Tests.Signing;

namespace GitRegistry.Tests.Search;

/// <summary>Searches of a real registry, filled from a spreadsheet so that times, stages and aliases are known.</summary>
[Collection(RegistrySigningCollection.Name)]
public sealed class SearchTests(RegistrySigningEnvironment environment)
{
    private const string DataSha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly string Sheet =
        "version,created,run,commit,stage,aliases,team,depth,objective,auc,loss,data\n" +
        "1,2024-01-10,run-a,a1b2c3d,Archived,,growth,4,binary,0.85,0.40,\n" +
        "2,2024-02-10,run-b,b2c3d4e,Production,champion,growth,8,binary,0.91,0.30," + DataSha + "\n" +
        "3,2024-03-01T09:00:00Z,run-c,c3d4e5f,Staging,challenger,risk,12,multiclass,0.93,0.28,\n" +
        "4,2024-03-15,run-d,d4e5f6a,None,,risk,6,binary,0.89,,\n";

    [Fact]
    public void MLflow_filters_and_the_extended_ones_find_the_right_versions()
    {
        using var registry = Registry();

        Assert.Equal(["churn/4", "churn/3", "churn/2", "churn/1", "fraud/1"], Find(registry, ""));
        Assert.Equal(["fraud/1"], Find(registry, "name = 'fraud'"));
        Assert.Equal(["churn/4", "churn/3", "churn/2", "churn/1"], Find(registry, "name LIKE 'ch%'"));
        Assert.Equal(["churn/4", "churn/3", "churn/2", "churn/1"], Find(registry, "name ILIKE 'CHURN'"));
        Assert.Equal(["churn/4", "churn/3"], Find(registry, "name = 'churn' AND version_number >= 3"));
        Assert.Equal(["churn/3", "churn/1"], Find(registry, "run_id IN ('run-a', 'run-c')"));
        Assert.Equal(["churn/4", "churn/3"], Find(registry, "tags.team = 'risk'"));
        Assert.Equal(["churn/3", "churn/2"], Find(registry, "params.depth > 6"));
        Assert.Equal(["churn/4", "churn/2", "churn/1"], Find(registry, "params.objective = 'binary'"));
        Assert.Equal(["churn/3", "churn/2"], Find(registry, "metrics.test.auc_roc >= 0.9"));
        Assert.Equal(["churn/3"], Find(registry, "metrics.test.auc_roc >= 0.9 AND metrics.test.log_loss < 0.3"));
        Assert.Equal(["churn/2", "fraud/1"], Find(registry, "stage = 'production'"));
        Assert.Equal(["churn/2"], Find(registry, "alias = 'champion'"));
        Assert.Equal(["churn/4", "churn/3", "churn/1", "fraud/1"], Find(registry, "alias != 'champion'"));
        Assert.Equal(["churn/2"], Find(registry, $"data.sha256 = '{DataSha}'"));
        Assert.Equal(["churn/4", "churn/3"], Find(registry, "created_at > '2024-02-29'"));
        Assert.Equal(["churn/3"], Find(registry, "created_at = '2024-03-01'"));
        Assert.Equal(["churn/2"], Find(registry, "code_commit LIKE 'b2c3%'"));
        Assert.Equal(["churn/3"], Find(registry, "creation_timestamp = 1709283600000"));
    }

    [Fact]
    public void Order_by_and_max_results_work_like_MLflow()
    {
        using var registry = Registry();

        var result = registry.Search(new SearchOptions { Filter = "name = 'churn'", OrderBy = ["metrics.test.auc_roc DESC"], MaxResults = 2 });

        Assert.Equal([3, 2], result.Hits.Select(h => h.Version));
        Assert.Equal(4, result.Matches);
        Assert.Equal(0.93, result.Hits[0].Metrics["test.auc_roc"]);
        Assert.Equal(12L, result.Hits[0].Params["depth"]);
        Assert.Equal(["challenger"], result.Hits[0].Aliases);
        // Version 4 has no log loss: it sorts last in either direction.
        Assert.Equal([1, 2, 3, 4], registry.Search(new SearchOptions { Filter = "name = 'churn'", OrderBy = ["metrics.test.log_loss DESC"] }).Hits.Select(h => h.Version));
        Assert.Equal([3, 2, 1, 4], registry.Search(new SearchOptions { Filter = "name = 'churn'", OrderBy = ["metrics.test.log_loss"] }).Hits.Select(h => h.Version));
    }

    [Fact]
    public void The_index_follows_changes_and_rereads_only_new_manifests()
    {
        using var registry = Registry();
        var first = registry.Search(new SearchOptions());
        var second = registry.Search(new SearchOptions());

        registry.SetAlias("churn", "champion", 3);
        registry.DeleteVersion("churn", 1);
        var third = registry.Search(new SearchOptions { Filter = "alias = 'champion'" });

        Assert.Equal(5, first.Indexed);
        Assert.Equal(0, second.Indexed);
        Assert.Equal(0, third.Indexed);
        Assert.Equal(["churn/3"], third.Hits.Select(h => $"{h.Name}/{h.Version}"));
        Assert.Equal(4, registry.Search(new SearchOptions()).Searched);
        Assert.Equal(5, registry.Search(new SearchOptions { IncludeDeleted = true }).Searched);

        var artifact = Path.Combine(environment.Signing.NewFolder("artifact"), "model.onnx");
        File.WriteAllBytes(artifact, [1, 2, 3]);
        registry.Register(new GitRegistry.Registration.RegistrationRequest { Name = "churn", ArtifactPath = artifact, Metrics = new Dictionary<string, IDictionary<string, double>> { ["test"] = new Dictionary<string, double> { ["auc_roc"] = 0.97 } } });
        var fourth = registry.Search(new SearchOptions { Filter = "metrics.test.auc_roc > 0.95" });
        Assert.Equal(1, fourth.Indexed);
        Assert.Equal(["churn/5"], fourth.Hits.Select(h => $"{h.Name}/{h.Version}"));
    }

    [Fact]
    public void A_hit_carries_the_fields_of_its_version()
    {
        using var registry = Registry();
        registry.Describe("churn", 2, "retrained on February data");
        registry.SetTag("churn", 2, "validated", "true");

        var hit = registry.Search(new SearchOptions { Filter = "alias = 'champion'" }).Hits.Single();

        var version = registry.GetVersion("churn", 2);
        Assert.Equal(version.Manifest.CreatedAt, hit.CreatedAt);
        Assert.Equal(version.Manifest.CreatedBy.Email, hit.CreatedBy);
        Assert.Equal("retrained on February data", hit.Description);
        Assert.Equal("run-b", hit.RunId);
        Assert.Equal("b2c3d4e", hit.CodeCommit);
        Assert.Equal(DataSha, hit.DataSha256);
        Assert.Equal(version.Manifest.Artifact.Uri, hit.ArtifactUri);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "growth", ["validated"] = "true" }, hit.Tags);
        Assert.Equal(new Dictionary<string, object> { ["depth"] = 8L, ["objective"] = "binary" }, hit.Params);
        Assert.Equal(new Dictionary<string, double> { ["test.auc_roc"] = 0.91, ["test.log_loss"] = 0.30 }, hit.Metrics);
        Assert.Equal("Production", hit.Stage);
        Assert.Equal(["champion"], hit.Aliases);
    }

    [Fact]
    public void A_damaged_index_file_is_rebuilt()
    {
        using var registry = Registry();
        registry.Search(new SearchOptions());
        File.WriteAllBytes(Path.Combine(registry.GitDirectory, "gitreg", "search-index"), [1, 2, 3]);

        var result = registry.Search(new SearchOptions { Filter = "stage = 'Production'" });

        Assert.Equal(5, result.Indexed);
        Assert.Equal(2, result.Matches);
    }

    private static List<string> Find(Registry registry, string filter) =>
        registry.Search(new SearchOptions { Filter = filter, OrderBy = ["name", "version_number DESC"] }).Hits.Select(h => $"{h.Name}/{h.Version}").ToList();

    private Registry Registry()
    {
        var folder = environment.Signing.NewFolder("search");
        var sheet = Path.Combine(folder, "churn.csv");
        File.WriteAllText(sheet, Sheet);
        var registry = GitRegistry.Registry.Init(Path.Combine(folder, "registry"), approvals: 0);
        registry.ImportCsv(new CsvImportOptions
        {
            FilePath = sheet, Model = "churn", NoArtifact = true,
            Columns = [new("version", "version"), new("created_at", "created"), new("run_id", "run"), new("code_commit", "commit"), new("stage", "stage"),
                new("aliases", "aliases"), new("tags.team", "team"), new("params.depth", "depth"), new("params.objective", "objective"), new("data.sha256", "data")],
            Metrics = [new("test.auc_roc", "auc"), new("test.log_loss", "loss")],
        });
        var fraud = Path.Combine(folder, "fraud.csv");
        File.WriteAllText(fraud, "v,when,stage\n1,2023-12-01,Production\n");
        registry.ImportCsv(new CsvImportOptions { FilePath = fraud, Model = "fraud", NoArtifact = true, Columns = [new("version", "v"), new("created_at", "when"), new("stage", "stage")] });
        return registry;
    }
}

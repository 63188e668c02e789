using System.Text;
using GitRegistry.Tests.Import;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

/// <summary>gitreg import mlflow / import csv / export csv, run as a user runs them.</summary>
public sealed class ImportTests : IDisposable
{
    private const long T0 = 1_700_000_000_000;
    private readonly CliHarness _ada = new("Ada", "ada@example.com");

    [Fact]
    public void Import_mlflow_reports_what_it_did_and_the_registry_validates_and_verifies()
    {
        var registry = _ada.InitRegistry();
        var store = Store();

        var import = _ada.GitReg("--registry", registry, "import", "mlflow", store.Root).ShouldSucceed();

        Assert.Contains($"Imported from the MLflow file store {store.Root}", import.StandardOutput);
        Assert.Contains("churn: 3 versions, new model", import.StandardOutput);
        Assert.Contains("version 2: Production @champion  artifact", import.StandardOutput);
        Assert.Contains("version 3: deleted", import.StandardOutput);
        Assert.Contains("churn version 4: MLflow's status is FAILED_REGISTRATION", import.StandardOutput);
        Assert.Contains("Artifacts copied: 3", import.StandardOutput);
        _ada.GitReg("--registry", registry, "validate").ShouldSucceed();
        _ada.GitReg("--registry", registry, "verify").ShouldSucceed();
        var resolved = _ada.GitReg("--registry", registry, "--json", "resolve", "models:/churn@champion").ShouldSucceed();
        var champion = resolved.Json;
        Assert.Equal(2, (int)champion["version"]!);
        Assert.Contains("\"created_at\": \"2023-11-15T22:13:20Z\"", resolved.StandardOutput);
        Assert.Equal("ada@example.com", (string)champion["manifest"]!["created_by"]!["email"]!);
        Assert.Equal("grace", (string)champion["manifest"]!["imported"]!["author"]!);
        var shown = _ada.GitReg("--registry", registry, "show", "models:/churn/2").ShouldSucceed();
        Assert.Contains($"from mlflow {store.Root} (models/churn/version-2), created there by grace", shown.StandardOutput);
        var fetched = _ada.GitReg("--registry", registry, "artifact", "models:/churn@champion", "-o", _ada.PathOf("fetched")).ShouldSucceed();
        Assert.Contains("model.tar", fetched.StandardOutput);
        var subject = _ada.GitIn(registry, "log", "-1", "--format=%s%n%(trailers:key=Registry-Action,valueonly)").StandardOutput;
        Assert.StartsWith("Import churn versions 1-3 from MLflow", subject);
        Assert.Contains("import", subject);

        var again = _ada.GitReg("--registry", registry, "--json", "import", "mlflow", store.Root).ShouldSucceed().Json;
        Assert.True((bool)again["nothing_new"]!);
        Assert.Equal([1, 2, 3], again["models"]![0]!["already_imported"]!.Select(v => (int)v));
        Assert.Contains("Nothing new to import", _ada.GitReg("--registry", registry, "import", "mlflow", store.Root).ShouldSucceed().StandardOutput);
    }

    [Fact]
    public void An_import_into_Production_waits_for_an_approver_on_a_branch_and_then_verifies()
    {
        using var carol = new CliHarness("Carol", "carol@example.com");
        var registry = _ada.InitRegistry(approvals: 1);
        _ada.GitReg("--registry", registry, "signers", "add", "carol@example.com", carol.KeyPath + ".pub", "--group", "approvers").ShouldSucceed();
        var store = Store();

        var denied = _ada.GitReg("--registry", registry, "import", "mlflow", store.Root).ShouldFailWith(ExitCodes.PolicyDenied);
        Assert.Contains("--branch", denied.StandardError);

        _ada.GitReg("--registry", registry, "--branch", "import/mlflow", "import", "mlflow", store.Root).ShouldSucceed();
        var unapproved = _ada.GitReg("--registry", registry, "verify", "--range", "main..import/mlflow").ShouldFailWith(ExitCodes.SigningFailed);
        Assert.Contains("needed 1 approval(s) from approvers and had 0", unapproved.StandardError);

        carol.GitReg("--registry", registry, "--branch", "import/mlflow", "approve", "churn", "2", "--stage", "Production", "--comment", "was in Production in MLflow").ShouldSucceed();
        _ada.GitReg("--registry", registry, "verify", "--range", "main..import/mlflow").ShouldSucceed();
        _ada.GitIn(registry, "merge", "-q", "--no-ff", "-S", "-m", "Merge import/mlflow", "import/mlflow").ShouldSucceed();
        _ada.GitReg("--registry", registry, "verify").ShouldSucceed();
        Assert.Equal(2, (int)_ada.GitReg("--registry", registry, "--json", "resolve", "models:/churn/Production").ShouldSucceed().Json["version"]!);
    }

    [Fact]
    public void Import_csv_then_export_csv_with_the_same_mapping_gives_the_sheet_back()
    {
        var registry = _ada.InitRegistry();
        var sheet = _ada.PathOf("registry.csv");
        File.WriteAllText(sheet, "\uFEFFVersion;Git hash;Training date;AUC;Owner\r\n1;a1b2c3d;01.03.2024;0,91;ada\r\n;;;;\r\n2;b2c3d4e;15.03.2024;0,925;grace\r\n3;zzz;20.03.2024;0,93;ada\r\n", new UTF8Encoding(false));
        string[] mapping = ["--column", "version=Version", "--column", "code_commit=Git hash", "--column", "created_at=Training date", "--metric", "test.auc_roc=AUC"];

        var import = _ada.GitReg(["--registry", registry, "import", "csv", sheet, "--model", "churn", "--no-artifact", .. mapping]).ShouldSucceed();
        var export = _ada.GitReg(["--registry", registry, "export", "csv", "--delimiter", ";", "--decimal-comma", "--date-format", "dd.MM.yyyy", .. mapping]).ShouldSucceed();

        Assert.Contains("row 5: code_commit 'zzz' is not a git commit id", import.StandardOutput);
        Assert.Equal("Version;Git hash;Training date;AUC;Owner\r\n1;a1b2c3d;01.03.2024;0,91;ada\r\n2;b2c3d4e;15.03.2024;0,925;grace\r\n", export.StandardOutput);
        _ada.GitReg("--registry", registry, "validate").ShouldSucceed();
        _ada.GitReg("--registry", registry, "verify").ShouldSucceed();
        var placeholder = _ada.GitReg("--registry", registry, "artifact", "models:/churn/1", "-o", _ada.PathOf("out")).ShouldFailWith(ExitCodes.ArtifactFailed);
        Assert.Contains("without its model file", placeholder.StandardError);
    }

    [Fact]
    public void A_sheet_without_model_files_needs_no_artifact_said_out_loud()
    {
        var registry = _ada.InitRegistry();
        var sheet = _ada.PathOf("registry.csv");
        File.WriteAllText(sheet, "Version,Date\n1,2024-03-01\n");

        var result = _ada.GitReg("--registry", registry, "import", "csv", sheet, "--model", "churn", "--column", "version=Version").ShouldFailWith(ExitCodes.Usage);

        Assert.Contains("--artifact-column", result.StandardError);
        Assert.Contains("--no-artifact", result.StandardError);
    }

    [Fact]
    public void Search_answers_filters_and_points_at_the_column_of_a_mistake()
    {
        var registry = _ada.InitRegistry();
        _ada.GitReg("--registry", registry, "import", "mlflow", Store().Root).ShouldSucceed();

        var table = _ada.GitReg("--registry", registry, "search", "name = 'churn' AND metrics.test.auc >= 0.9", "--order-by", "metrics.test.auc DESC").ShouldSucceed();
        var json = _ada.GitReg("--registry", registry, "--json", "search", "alias = 'champion'").ShouldSucceed().Json;
        var error = _ada.GitReg("--registry", registry, "search", "stage = Production").ShouldFailWith(ExitCodes.Usage);

        Assert.Contains("metrics.test.auc", table.StandardOutput);
        Assert.Contains("2 of 2 versions match", table.StandardOutput);
        Assert.Equal("models:/churn/2", (string)json["versions"]![0]!["uri"]!);
        Assert.Equal(1, (int)json["matches"]!);
        Assert.Contains("column 9", error.StandardError);
        Assert.Contains("stage = Production\n          ^", error.StandardError);
    }

    /// <summary>churn: v1 Archived and v2 Production @champion with runs and sklearn model folders, v3 soft-deleted, v4 failed.</summary>
    private MlflowStoreBuilder Store()
    {
        var store = new MlflowStoreBuilder(_ada.PathOf("mlruns"));
        store.Run("0", "a1000000000000000000000000000001", "ada", T0, parameters: new Dictionary<string, string> { ["max_depth"] = "6" },
            metrics: new Dictionary<string, (long, string, long)[]> { ["test_auc"] = [(T0, "0.91", 0)] }, artifacts: MlflowStoreBuilder.SklearnModel("model", "w1"));
        store.Run("0", "a2000000000000000000000000000002", "grace", T0, parameters: new Dictionary<string, string> { ["max_depth"] = "8" },
            metrics: new Dictionary<string, (long, string, long)[]> { ["test_auc"] = [(T0, "0.93", 0)] }, artifacts: MlflowStoreBuilder.SklearnModel("model", "w2"));
        store.Run("0", "a3000000000000000000000000000003", "ada", T0, artifacts: MlflowStoreBuilder.SklearnModel("model", "w3"));
        store.RegisteredModel("churn", T0, T0, "Churn within 30 days", aliases: new Dictionary<string, int> { ["champion"] = 2 });
        store.Version("churn", 1, T0, T0, "Archived", "runs:/a1000000000000000000000000000001/model", "a1000000000000000000000000000001", user: "ada");
        store.Version("churn", 2, T0 + 86_400_000, T0, "Production", "runs:/a2000000000000000000000000000002/model", "a2000000000000000000000000000002", user: "grace");
        store.Version("churn", 3, T0 + 2 * 86_400_000, T0, "Deleted_Internal", "runs:/a3000000000000000000000000000003/model", "a3000000000000000000000000000003", user: "ada");
        store.Version("churn", 4, T0 + 3 * 86_400_000, T0, "None", "runs:/missing/model", null, status: "FAILED_REGISTRATION", user: "ada");
        return store;
    }

    public void Dispose() => _ada.Dispose();
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitRegistry.Locking;
using GitRegistry.Samples.Churn;
using Microsoft.ML;

namespace GitRegistry.EndToEnd.Tests;

/// <summary>
/// The churn sample for real, as two people run it: train and register, stage, evaluate, approve, promote, build the
/// serving app against the packed packages, call it over HTTP, promote again and update the lock. Every gitreg and
/// Train run is its own process with the person's own HOME, git config and ssh signing key.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedFeed.Collection)]
public sealed class ChurnFlowTests : IDisposable
{
    private const string Model = "churn_predictor";

    private readonly CliHarness _engineer = new("Dana Engineer", "dana@example.com");
    private readonly CliHarness _reviewer = new("Rey Reviewer", "rey@example.com");
    private readonly ChurnData _data = ChurnData.Generate(8000, seed: 7);   // Train's default data set
    private string _registry = "";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Better_version_is_evaluated_approved_promoted_served_and_a_third_replaces_it_after_a_lock_update()
    {
        // A registry with the template's policy: Production needs one approval from someone else in "approvers".
        _registry = _engineer.InitRegistry("registry", approvals: 1);
        GitReg(_engineer, "signers", "add", _reviewer.Email, _reviewer.KeyPath + ".pub", "--group", "approvers");

        // Two training runs with different settings: the second is better on the held-out test split.
        var first = Train("run1", "--trees", "10", "--leaves", "4");
        var second = Train("run2");
        Assert.Equal((1, 2), (first.Version, second.Version));
        Assert.True(second.Test("auc_roc") > first.Test("auc_roc"), $"test AUC {second.Test("auc_roc")} should beat {first.Test("auc_roc")}");
        Assert.True(second.Test("log_loss") < first.Test("log_loss"));
        var manifest = Json(GitReg(_engineer, "--json", "resolve", $"models:/{Model}/2"))["manifest"]!;
        Assert.Equal(_data.WriteCsv(_engineer.PathOf("churn-check.csv")), (string)manifest["data"]!["sha256"]!);
        Assert.Equal("2026-10-31", (string)manifest["data"]!["cutoff"]!);
        Assert.Equal("Serving.csproj", (string)manifest["dependencies"]!["file_name"]!);
        Assert.Equal("mlnet", (string)manifest["artifact"]!["format"]!);
        Assert.Equal(100, (int)manifest["params"]!["trainer.number_of_trees"]!);
        Assert.True(manifest["params"]!.AsObject().Count > 50, "every trainer setting is recorded, not only the tuned ones");
        Assert.Equal(["test", "train", "validation"], manifest["metrics"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(8, manifest["signature"]!["inputs"]!.AsArray().Count);

        // Version 1 goes to Production first (approved by Rey), so that version 2 has something to replace.
        Approve(1, "baseline model, test AUC above 0.8");
        GitReg(_engineer, "transition", Model, "1", "Production", "--comment", "baseline");

        // Version 2 to Staging, and an evaluation of what Staging now serves on a held-out batch.
        GitReg(_engineer, "transition", Model, "2", "Staging", "--comment", "evaluate 100 trees");
        var staged = Fetch("Staging");
        var stagedAuc = Auc(staged, _data.Test);
        Assert.InRange(stagedAuc, 0.80, 1.0);
        Assert.Equal(second.Test("auc_roc"), stagedAuc, 4);   // the registered metric is what the artifact does

        // Rey approves with a justification; Dana promotes with archive-existing.
        Approve(2, $"held-out AUC {stagedAuc:F3} vs {first.Test("auc_roc"):F3}, log-loss lower");
        GitReg(_engineer, "transition", Model, "2", "Production", "--archive-existing", "--comment", "better test AUC than version 1");
        var stages = Json(GitReg(_engineer, "--json", "versions", Model)).AsArray().ToDictionary(v => (int)v!["version"]!, v => (string)v!["stage"]!);
        Assert.Equal("Archived", stages[1]);
        Assert.Equal("Production", stages[2]);
        var log = Json(GitReg(_engineer, "--json", "log", Model, "2")).AsArray();
        Assert.Contains(log, e => (string)e!["kind"]! == "Approved" && (string)e["actor"]! == _reviewer.Email && ((string?)e["comment"])!.StartsWith("held-out AUC", StringComparison.Ordinal) && (bool)e["trusted"]!);
        GitReg(_engineer, "verify");

        // The serving app, built against the packed packages, pins Production (version 2).
        var feed = _engineer.PathOf("feed");
        PackedFeed.Pack(feed);
        using var app = new ServingApp(_engineer, feed);
        Assert.Contains($"GitRegistry: {Model} -> version 2", app.Build().StandardOutput);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        // Its scores over HTTP are the Production model's, computed here from the registry's artifact.
        var production = Fetch("Production");
        var ml = new MLContext();
        using var engine = ml.Model.CreatePredictionEngine<ChurnRecord, ChurnPrediction>(ml.Model.Load(production, out _));
        foreach (var row in _data.Test.Take(25))
        {
            var response = await http.PostAsJsonAsync("/predict", Features(row), Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var score = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
            Assert.Equal(engine.Predict(row).Probability, (float)score["churn_probability"]!, 6);
            Assert.Equal(2, (int)score["version"]!);
        }

        // A missing and a wrong-typed feature: 400 problem details naming both fields.
        var bad = Features(_data.Test[0]);
        bad.Remove("support_calls");
        bad["tenure_months"] = "three";
        var rejected = await http.PostAsJsonAsync("/predict", bad, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(await rejected.Content.ReadAsStringAsync(Cancel))!["errors"]!.AsObject();
        Assert.Equal(["support_calls", "tenure_months"], errors.Select(e => e.Key).Order());

        var served = await GetJson(http, "/model");
        Assert.Equal(2, (int)served["version"]!);
        Assert.Equal((string)manifest["artifact"]!["sha256"]!, (string)served["sha256"]!);
        Assert.Equal(second.Test("auc_roc"), (double)served["manifest"]!["metrics"]!["test"]!["auc_roc"]!);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/openapi/v1.json", Cancel)).StatusCode);

        // A third version through the same gates; the app keeps serving version 2 until its lock is updated.
        var third = Train("run3", "--trees", "150", "--leaves", "8", "--learning-rate", "0.08");
        GitReg(_engineer, "transition", Model, third.Version.ToString(CultureInfo.InvariantCulture), "Staging");
        Approve(third.Version, "retrained with 150 trees; held-out AUC within 0.01 of version 2");
        GitReg(_engineer, "transition", Model, "3", "Production", "--archive-existing", "--comment", "150 trees");
        Assert.Equal(2, ModelsLock.Read(app.LockFile)!.Models[Model].Version);

        app.Stop();
        Assert.Contains($"GitRegistry: {Model} -> version 3 (models:/{Model}/Production, was 2)", app.Build("-p:GitRegistryUpdateLock=true").StandardOutput);
        Assert.Equal(3, ModelsLock.Read(app.LockFile)!.Models[Model].Version);
        await app.StartAsync();
        using var http3 = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal(3, (int)(await GetJson(http3, "/model"))["version"]!);
        var rescored = JsonNode.Parse(await (await http3.PostAsJsonAsync("/predict", Features(_data.Test[0]), Cancel)).Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(3, (int)rescored["version"]!);
    }

    private Registration Train(string run, params string[] settings)
    {
        var train = Path.Combine(AppContext.BaseDirectory, "Train.dll");
        var output = _engineer.PathOf(run);
        _engineer.Run("dotnet", [train, "--registry", _registry, "--out", output, .. settings]).ShouldSucceed();
        return JsonSerializer.Deserialize<Registration>(File.ReadAllText(Path.Combine(output, "registration.json")))!;
    }

    private void Approve(int version, string justification) =>
        GitReg(_reviewer, "approve", Model, version.ToString(CultureInfo.InvariantCulture), "--stage", "Production", "--comment", justification);

    private CliHarness.Result GitReg(CliHarness user, params string[] args) => user.GitReg(["--registry", _registry, .. args]).ShouldSucceed();

    /// <summary>The artifact of models:/churn_predictor/STAGE, fetched and sha256-checked by gitreg.</summary>
    private string Fetch(string stage)
    {
        var folder = _engineer.PathOf("fetched", stage);
        GitReg(_engineer, "artifact", $"models:/{Model}/{stage}", "-o", folder);
        return Directory.GetFiles(folder).Single();
    }

    private static double Auc(string artifact, IReadOnlyList<ChurnRecord> rows)
    {
        var ml = new MLContext();
        var model = ml.Model.Load(artifact, out _);
        return ml.BinaryClassification.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(rows)), ChurnModel.Label).AreaUnderRocCurve;
    }

    private static Dictionary<string, object> Features(ChurnRecord row) => new()
    {
        ["tenure_months"] = row.TenureMonths,
        ["monthly_charges"] = row.MonthlyCharges,
        ["total_charges"] = row.TotalCharges,
        ["support_calls"] = row.SupportCalls,
        ["senior_citizen"] = row.SeniorCitizen,
        ["contract"] = row.Contract,
        ["payment_method"] = row.PaymentMethod,
        ["internet_service"] = row.InternetService,
    };

    private static JsonNode Json(CliHarness.Result result) => JsonNode.Parse(result.StandardOutput)!;

    private static async Task<JsonNode> GetJson(HttpClient http, string path)
    {
        var response = await http.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
    }

    public void Dispose()
    {
        _engineer.Dispose();
        _reviewer.Dispose();
    }

    private sealed record Registration(
        [property: System.Text.Json.Serialization.JsonPropertyName("version")] int Version,
        [property: System.Text.Json.Serialization.JsonPropertyName("metrics")] Dictionary<string, Dictionary<string, double>> Metrics)
    {
        public double Test(string metric) => Metrics["test"][metric];
    }
}

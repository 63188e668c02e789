using System.Net;
using System.Text.Json.Nodes;
using GitRegistry.Runtime.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitRegistry.Runtime.Tests;

public sealed class AspNetCoreTests : IDisposable
{
    private readonly PinnedModelFolder _folder = new();

    private async Task<WebApplication> StartAsync()
    {
        var models = RegisteredModels.Open(_folder.Models);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddHealthChecks().AddRegisteredModel("churn_predictor", models);
        var app = builder.Build();
        app.MapHealthChecks("/healthz");
        app.MapModelMetadata("churn_predictor", "/model", models);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    [Fact]
    public async Task Health_check_reports_the_served_model_name_version_and_sha256()
    {
        await using var app = await StartAsync();

        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        var entry = report.Entries["model:churn_predictor"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("churn_predictor", entry.Data["name"]);
        Assert.Equal(1, entry.Data["version"]);
        Assert.Equal(_folder.Sha256(1), entry.Data["sha256"]);
        Assert.Equal("Healthy", await app.GetTestClient().GetStringAsync("/healthz", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Model_endpoint_serves_the_metadata_as_json()
    {
        await using var app = await StartAsync();

        var json = JsonNode.Parse(await app.GetTestClient().GetStringAsync("/model", TestContext.Current.CancellationToken))!;

        Assert.Equal("churn_predictor", (string)json["name"]!);
        Assert.Equal(1, (int)json["version"]!);
        Assert.Equal("Production", (string)json["requested_stage"]!);
        Assert.Equal(_folder.Sha256(1), (string)json["sha256"]!);
        Assert.Equal(0.91, (double)json["manifest"]!["metrics"]!["test"]!["auc_roc"]!);
        Assert.Equal("tenure_months", (string)json["manifest"]!["signature"]!["inputs"]![0]!["name"]!);
    }

    [Fact]
    public async Task An_altered_artifact_makes_the_model_unhealthy_and_the_endpoint_answer_503_problem_details()
    {
        File.AppendAllText(_folder.ArtifactPath, "tampered");
        await using var app = await StartAsync();
        var client = app.GetTestClient();

        var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var model = await client.GetAsync("/model", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, model.StatusCode);
        Assert.Equal("application/problem+json", model.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await model.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Contains("has been altered", (string)problem["detail"]!);
    }

    public void Dispose() => _folder.Dispose();
}

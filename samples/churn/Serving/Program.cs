// A churn scoring service for the model the build pinned: `<ModelReference Include="churn_predictor" Stage="Production" />`
// resolves Production at build time, pins it in models.lock.json and copies the sha256-checked ML.NET zip next to
// the app. POST /predict scores one customer; GET /model says which version is serving; /healthz checks the file.
using System.Text.Json;
using GitRegistry.Runtime;
using GitRegistry.Runtime.AspNetCore;
using Serving;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddRegisteredModel(ModelCatalog.ChurnPredictor.Name);
builder.Services.AddSingleton(_ => new ChurnScorer(RegisteredModels.Get(ModelCatalog.ChurnPredictor.Name)));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();                                          // GET /openapi/v1.json
app.MapHealthChecks("/healthz");
app.MapModelMetadata(ModelCatalog.ChurnPredictor.Name);    // GET /model: name, version, sha256, request, registry commit, manifest

app.MapPost("/predict", async (HttpRequest request, ChurnScorer scorer) =>
    {
        var errors = new Dictionary<string, string[]>();
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            errors["body"] = [$"is not valid JSON: {e.Message}"];
            return Results.ValidationProblem(errors, title: "The request body is not valid JSON");
        }
        using (body)
        {
            var features = ChurnFeatures.Read(body.RootElement, errors);
            return features is null
                ? Results.ValidationProblem(errors, title: "Some features are missing or have the wrong type")
                : Results.Ok(scorer.Score(features));
        }
    })
    .Accepts<ChurnFeatures>("application/json")
    .Produces<ChurnScore>()
    .ProducesValidationProblem()
    .WithName("Predict")
    .WithSummary("The probability that a customer churns within 30 days, from the Production model pinned at build time.");

app.Run();

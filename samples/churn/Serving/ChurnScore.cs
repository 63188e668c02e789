using System.Text.Json.Serialization;

namespace Serving;

/// <summary>The answer of <c>POST /predict</c>: the churn probability, and which model version gave it.</summary>
public sealed record ChurnScore(
    [property: JsonPropertyName("churn_probability")] float ChurnProbability,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("version")] int Version);

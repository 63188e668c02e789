using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitRegistry.Runtime.Manifests;

/// <summary>
/// A version's manifest as the build copied it next to the app (<c>models/NAME/manifest.json</c>, the registry's
/// <c>versions/N.yaml</c> as JSON): params, metrics by split, lineage and signature. Read-only.
/// </summary>
public sealed class ModelManifest
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The model's name.</summary>
    public required string Name { get; init; }

    /// <summary>The version number.</summary>
    public required int Version { get; init; }

    /// <summary>When the version was registered (UTC, ISO 8601).</summary>
    public string? CreatedAt { get; init; }

    /// <summary>Who registered it.</summary>
    public ManifestPerson? CreatedBy { get; init; }

    /// <summary>The description given at registration.</summary>
    public string? Description { get; init; }

    /// <summary>Every hyperparameter: string, number or boolean JSON values.</summary>
    public IReadOnlyDictionary<string, JsonElement> Params { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Metrics by split, then by metric: <c>Metrics["test"]["auc_roc"]</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Metrics { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, double>>();

    /// <summary>The training data's lineage, if recorded.</summary>
    public DataLineage? Data { get; init; }

    /// <summary>The preprocessing that produced the features, if recorded.</summary>
    public PreprocessingInfo? Preprocessing { get; init; }

    /// <summary>The git commit of the training code, if recorded.</summary>
    public string? CodeCommit { get; init; }

    /// <summary>The model file: uri, sha256, size, format, file name.</summary>
    public required ManifestArtifact Artifact { get; init; }

    /// <summary>The input and output columns, if recorded.</summary>
    public ModelSignature? Signature { get; init; }

    /// <summary>Tags given at registration.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Parses a manifest's JSON.</summary>
    public static ModelManifest Parse(string json, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelManifest>(json, Json) ?? throw new InvalidDataException($"{file} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not a valid manifest: {e.Message}", e);
        }
    }
}

namespace GitRegistry.Manifests;

/// <summary>
/// The immutable manifest of one model version, <c>models/NAME/versions/N.yaml</c>: written once when the version
/// is registered, never changed afterwards. Its schema is <c>schema/model-version.schema.json</c>.
/// </summary>
public sealed class ModelVersion
{
    /// <summary>The model's name.</summary>
    public required string Name { get; init; }

    /// <summary>The version number: 1 + the highest ever registered for the model; never reused.</summary>
    public required int Version { get; init; }

    /// <summary>When it was registered, UTC, ISO 8601 (<c>2026-11-25T19:03:03Z</c>).</summary>
    public required string CreatedAt { get; init; }

    /// <summary>Who registered it.</summary>
    public required Person CreatedBy { get; init; }

    /// <summary>The description given at registration; later edits live in model.yaml.</summary>
    public string? Description { get; init; }

    /// <summary>Every hyperparameter, with string, number or boolean values.</summary>
    public SortedDictionary<string, object> Params { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Metrics by split: <c>{test: {auc_roc: 0.91}}</c>.</summary>
    public SortedDictionary<string, SortedDictionary<string, double>> Metrics { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The training data.</summary>
    public DataLineage? Data { get; init; }

    /// <summary>The preprocessing that produced the features.</summary>
    public Preprocessing? Preprocessing { get; init; }

    /// <summary>The git commit of the training code.</summary>
    public string? CodeCommit { get; init; }

    /// <summary>The model file.</summary>
    public required Artifact Artifact { get; init; }

    /// <summary>Pinned inference dependencies.</summary>
    public Dependencies? Dependencies { get; init; }

    /// <summary>Input and output columns.</summary>
    public ModelSignature? Signature { get; init; }

    /// <summary>Tags given at registration (later tags live in model.yaml).</summary>
    public SortedDictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The training run it came from, if any.</summary>
    public RunInfo? Run { get; init; }

    /// <summary>Set when the version was imported from another registry (MLflow, a spreadsheet): where from, and what the source recorded beyond these fields.</summary>
    public ImportRecord? Imported { get; init; }
}

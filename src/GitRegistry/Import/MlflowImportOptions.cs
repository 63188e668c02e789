namespace GitRegistry.Import;

/// <summary>What <see cref="Registry.ImportMlflow"/> imports and how.</summary>
public sealed class MlflowImportOptions
{
    /// <summary>The folder of MLflow's file store (holding <c>models/</c> and the experiment folders), or its <c>file:</c> URI.</summary>
    public required string StorePath { get; init; }

    /// <summary>
    /// The registered models to import, by MLflow name; empty for all. <c>MLFLOW_NAME=NAME</c> imports under another
    /// name (MLflow allows names the registry does not, such as <c>Churn Model</c>; those are otherwise lowercased
    /// with other characters as '_', and the report says so).
    /// </summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>One commit per model (default), or one per version.</summary>
    public ImportCommits Commits { get; init; } = ImportCommits.PerModel;

    /// <summary>
    /// True to skip the versions MLflow soft-deleted (<c>current_stage: Deleted_Internal</c>); by default they are
    /// imported as deleted, which keeps their numbers taken as MLflow does.
    /// </summary>
    public bool SkipDeleted { get; init; }

    /// <summary>The split metrics with no split prefix or suffix go under (<c>default</c>).</summary>
    public string DefaultSplit { get; init; } = "default";

    /// <summary>True to read and report without writing anything.</summary>
    public bool DryRun { get; init; }
}

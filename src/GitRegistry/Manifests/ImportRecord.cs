namespace GitRegistry.Manifests;

/// <summary>
/// Where an imported model or version came from (an MLflow file store, a spreadsheet), and everything the source
/// recorded that has no field of its own in the registry's files, so that an import loses nothing.
/// </summary>
public sealed class ImportRecord
{
    /// <summary>The kind of source: <c>mlflow</c> or <c>csv</c>.</summary>
    public required string From { get; init; }

    /// <summary>The source's location: the MLflow store's folder or the spreadsheet file, as an absolute path.</summary>
    public required string Location { get; init; }

    /// <summary>The record within the source, e.g. <c>models/Churn/version-3</c> or <c>row 7</c>.</summary>
    public string? Record { get; init; }

    /// <summary>Who created the record in the source (MLflow's user_id, a spreadsheet's author column), as the source wrote it.</summary>
    public string? Author { get; init; }

    /// <summary>The source's own fields that the registry has no place for, by the source's name, as text.</summary>
    public SortedDictionary<string, string> Fields { get; init; } = new(StringComparer.Ordinal);
}

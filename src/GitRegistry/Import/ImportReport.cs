namespace GitRegistry.Import;

/// <summary>
/// What an import did: the models and versions written (with stages, aliases and artifacts), those an earlier
/// import already brought in, what was skipped and why, and what could not be mapped and where it went instead.
/// </summary>
public sealed class ImportReport
{
    /// <summary>The kind of source: <c>mlflow</c> or <c>csv</c>.</summary>
    public required string From { get; init; }

    /// <summary>The source's location (absolute path).</summary>
    public required string Location { get; init; }

    /// <summary>True when nothing was written: the report says what an import would do.</summary>
    public bool DryRun { get; init; }

    /// <summary>The models the source holds (those selected), in the source's order.</summary>
    public List<ImportedModelReport> Models { get; } = [];

    /// <summary>Versions or rows left out, each with the reason (deleted or failed in MLflow, an unusable row, a number taken).</summary>
    public List<ImportNote> Skipped { get; } = [];

    /// <summary>What could not be mapped as it was, and what was done instead (a renamed metric, a value kept in imported.fields).</summary>
    public List<ImportNote> Unmapped { get; } = [];

    /// <summary>Artifacts copied into the registry's store.</summary>
    public int ArtifactsCopied { get; set; }

    /// <summary>Their total size in bytes.</summary>
    public long BytesCopied { get; set; }

    /// <summary>True when the import wrote no version: everything was imported before, or skipped.</summary>
    public bool NothingNew => Models.All(m => m.Imported.Count == 0);
}

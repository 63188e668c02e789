namespace GitRegistry.Import;

/// <summary>What <see cref="Registry.ImportCsv"/> imports and how: the sheet, the model, and which column holds what.</summary>
public sealed class CsvImportOptions
{
    /// <summary>The spreadsheet, saved as CSV.</summary>
    public required string FilePath { get; init; }

    /// <summary>The model its rows are versions of.</summary>
    public required string Model { get; init; }

    /// <summary>
    /// Field to column header, e.g. <c>version=Version</c>, <c>code_commit=Git hash</c>, <c>created_at=Training
    /// date</c>, <c>params.max_depth=Depth</c> (see <see cref="SheetFields"/>). Headers match ignoring case, spaces and
    /// punctuation. <c>version</c> is required; columns not mapped are kept in each manifest's imported fields.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Columns { get; init; } = [];

    /// <summary>Metric (<c>SPLIT.METRIC</c>) to column header, e.g. <c>test.auc_roc=AUC</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metrics { get; init; } = [];

    /// <summary>
    /// True when the sheet has no model files: every version records the placeholder artifact <c>none:</c>. Without
    /// it an <c>artifact</c> column (a path relative to the sheet, or a URI) is required.
    /// </summary>
    public bool NoArtifact { get; init; }

    /// <summary>The delimiter; null to detect ',' ';' or tab from the header line.</summary>
    public char? Delimiter { get; init; }

    /// <summary>.NET date formats to try before the known ones (e.g. <c>dd.MM.yyyy HH:mm</c>).</summary>
    public IReadOnlyList<string> DateFormats { get; init; } = [];

    /// <summary>How to read day/month dates such as 03/04/2024.</summary>
    public DateOrder DateOrder { get; init; } = DateOrder.Detect;

    /// <summary>One commit for the model (default), or one per version.</summary>
    public ImportCommits Commits { get; init; } = ImportCommits.PerModel;

    /// <summary>True to read and report without writing anything.</summary>
    public bool DryRun { get; init; }
}

namespace GitRegistry.Export;

/// <summary>What <see cref="Registry.ExportCsv"/> writes: which models, which columns, in which spreadsheet dialect.</summary>
public sealed class CsvExportOptions
{
    /// <summary>The models to export; empty for all.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>
    /// The columns, as field to header (the fields of <see cref="Import.SheetFields"/>), in order; empty for the
    /// default layout: model, version, stage, aliases, created_at, created_by, description, code_commit,
    /// data.sha256, then every metric as SPLIT.METRIC. Give an import's mapping to get its spreadsheet back.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Columns { get; init; } = [];

    /// <summary>Metric columns (<c>SPLIT.METRIC</c> to header), after <see cref="Columns"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metrics { get; init; } = [];

    /// <summary>In the default layout, also a <c>params.KEY</c> column for every parameter.</summary>
    public bool Params { get; init; }

    /// <summary>
    /// True to add the columns a spreadsheet import kept aside (its unmapped columns, under their own headers) after
    /// the others, so that a sheet imported with a mapping comes back whole. On by default.
    /// </summary>
    public bool ImportedColumns { get; init; } = true;

    /// <summary>Include deleted versions (with a <c>deleted</c> column in the default layout).</summary>
    public bool IncludeDeleted { get; init; }

    /// <summary>The delimiter: ',' (default), ';' or tab.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Write numbers with a decimal comma (for ';' sheets opened in a European locale).</summary>
    public bool DecimalComma { get; init; }

    /// <summary>A .NET format for created_at (e.g. <c>dd.MM.yyyy</c>); null for ISO 8601 as stored.</summary>
    public string? DateFormat { get; init; }
}

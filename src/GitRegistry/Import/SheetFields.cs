namespace GitRegistry.Import;

/// <summary>
/// The registry fields a spreadsheet column can map to (<c>--column FIELD=HEADER</c>), shared by import and export:
/// the version's number, times, lineage and state, <c>params.KEY</c>, <c>tags.KEY</c> and
/// <c>metrics.SPLIT.METRIC</c> (also written <c>--metric SPLIT.METRIC=HEADER</c>).
/// </summary>
public static class SheetFields
{
    /// <summary>Fields both import and export know.</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "version", "created_at", "description", "stage", "aliases", "author", "code_commit", "run_id", "run_uri",
        "data.sha256", "data.cutoff", "data.source", "data.rows", "preprocessing.version", "preprocessing.code_commit",
        "artifact", "artifact.format",
    ];

    /// <summary>Fields only export writes (they are the registry's own, not a spreadsheet's).</summary>
    public static readonly IReadOnlyList<string> ExportOnly = ["model", "created_by", "artifact.sha256", "artifact.size", "deleted"];

    /// <summary>The prefixes of keyed fields.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["params.", "tags.", "metrics."];

    /// <summary>Throws a usage error naming the known fields when <paramref name="field"/> is not one.</summary>
    public static string Validate(string field, bool export)
    {
        var known = Common.Contains(field) || (export && ExportOnly.Contains(field));
        if (!known && Prefixes.FirstOrDefault(p => field.StartsWith(p, StringComparison.Ordinal) && field.Length > p.Length) is { } prefix)
        {
            var rest = field[prefix.Length..];
            known = prefix != "metrics." || (rest.IndexOf('.') > 0 && rest.IndexOf('.') < rest.Length - 1);
        }
        if (!known)
        {
            throw new RegistryException(ErrorKind.Usage, $"'{field}' is not a field a column can map to",
                $"use one of: {string.Join(", ", Common.Concat(export ? ExportOnly : []))}, params.KEY, tags.KEY, metrics.SPLIT.METRIC");
        }
        return field;
    }
}

namespace GitRegistry.Search;

/// <summary>
/// One order-by clause: a field and a direction, as MLflow writes them (<c>name ASC</c>,
/// <c>version_number DESC</c>, <c>creation_timestamp DESC</c>), plus <c>metrics.SPLIT.METRIC</c>,
/// <c>params.KEY</c>, <c>stage</c> and <c>created_at</c>. Versions without the field come last either way.
/// </summary>
/// <param name="Field">The field.</param>
/// <param name="Descending">True for DESC.</param>
public sealed record SearchOrder(SearchField Field, bool Descending)
{
    /// <summary>MLflow's default for model versions, with the registration time for last_updated_timestamp: newest first, then name, then highest version.</summary>
    public static IReadOnlyList<SearchOrder> Default { get; } =
    [
        new(new SearchField(SearchFieldKind.CreatedAt, "created_at"), true),
        new(new SearchField(SearchFieldKind.Name, "name"), false),
        new(new SearchField(SearchFieldKind.Version, "version_number"), true),
    ];

    /// <summary>Parses <c>FIELD [ASC|DESC]</c>; throws <see cref="FilterSyntaxException"/> naming the column.</summary>
    public static SearchOrder Parse(string text)
    {
        var trimmed = text.TrimEnd();
        var start = trimmed.Length - trimmed.TrimStart().Length;
        var parts = trimmed.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new FilterSyntaxException(text, 1, "the order-by clause is empty", "write e.g. metrics.test.auc_roc DESC");
        }
        var key = parts[0].Replace("`", "");
        if (key.Equals("last_updated_timestamp", StringComparison.OrdinalIgnoreCase))
        {
            throw new FilterSyntaxException(text, start + 1, "last_updated_timestamp is not kept (a version's state changes in model.yaml, whose history is the audit log)", "order by created_at, or read changes with gitreg log");
        }
        var field = SearchField.Find(key);
        if (field is null || field.Kind is SearchFieldKind.Alias)
        {
            throw new FilterSyntaxException(text, start + 1, $"'{parts[0]}' is not a field results can be ordered by", "use name, version_number, created_at, stage, run_id, metrics.SPLIT.METRIC, params.KEY or tags.KEY");
        }
        if (parts.Length > 2 || (parts.Length == 2 && !parts[1].Equals("ASC", StringComparison.OrdinalIgnoreCase) && !parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase)))
        {
            var column = text.IndexOf(parts[1], start + parts[0].Length, StringComparison.Ordinal) + 1;
            throw new FilterSyntaxException(text, column, $"expected ASC or DESC after {parts[0]}, found '{string.Join(' ', parts.Skip(1))}'");
        }
        return new SearchOrder(field, parts.Length == 2 && parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase));
    }
}

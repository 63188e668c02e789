using System.Text;
using Text = GitRegistry.Search.IndexSegment.TextColumn;

namespace GitRegistry.Search;

/// <summary>Orders matching rows by order-by clauses; rows without a field sort after those with it, in either direction.</summary>
internal static class SearchSort
{
    /// <summary>A match: a row of a segment.</summary>
    public readonly record struct Match(IndexSegment Segment, int Row);

    public static IEnumerable<Match> Sort(List<Match> matches, IReadOnlyList<SearchOrder> order)
    {
        IOrderedEnumerable<Match>? sorted = null;
        foreach (var clause in order)
        {
            var key = Key(clause.Field);
            var comparer = new ValueComparer(clause.Descending);
            sorted = sorted is null ? matches.OrderBy(key, comparer) : sorted.ThenBy(key, comparer);
        }
        return sorted ?? (IEnumerable<Match>)matches;
    }

    private static Func<Match, IComparable?> Key(SearchField field)
    {
        var key = Encoding.UTF8.GetBytes(field.Key);
        // Columns are decoded once per segment, not per row.
        var metrics = new Dictionary<IndexSegment, double[]?>();
        var parameters = new Dictionary<IndexSegment, object?[]?>();
        var tags = new Dictionary<IndexSegment, string?[]?>();
        Func<Match, IComparable?> Text(Text column) => m => m.Segment.Text(column)[m.Row];
        switch (field.Kind)
        {
            case SearchFieldKind.Name:
                return m => m.Segment.Name;
            case SearchFieldKind.Version:
                return m => m.Segment.Versions[m.Row];
            case SearchFieldKind.CreatedAt:
                return m => m.Segment.Ticks[m.Row];
            case SearchFieldKind.Stage:
                return m => m.Segment.Stages[m.Row];
            case SearchFieldKind.RunId:
                return Text(IndexSegment.TextColumn.RunId);
            case SearchFieldKind.CreatedBy:
                return Text(IndexSegment.TextColumn.CreatedBy);
            case SearchFieldKind.CodeCommit:
                return Text(IndexSegment.TextColumn.CodeCommit);
            case SearchFieldKind.Description:
                return m => m.Segment.Text(IndexSegment.TextColumn.StateDescription)[m.Row] ?? m.Segment.Text(IndexSegment.TextColumn.ManifestDescription)[m.Row];
            case SearchFieldKind.SourcePath:
                return m => m.Segment.Text(IndexSegment.TextColumn.ArtifactUri)[m.Row] ?? Stores.LocalArtifactStore.UriPrefix + m.Segment.Text(IndexSegment.TextColumn.ArtifactSha)[m.Row];
            case SearchFieldKind.Number:
                return field.Key == "data.rows" ? m => m.Segment.DataRows(m.Row) : m => m.Segment.ArtifactSize(m.Row);
            case SearchFieldKind.Text:
                return Text(field.Key switch
                {
                    "data.sha256" => IndexSegment.TextColumn.DataSha,
                    "data.cutoff" => IndexSegment.TextColumn.DataCutoff,
                    "data.source" => IndexSegment.TextColumn.DataSource,
                    "preprocessing.version" => IndexSegment.TextColumn.PreprocessingVersion,
                    "preprocessing.code_commit" => IndexSegment.TextColumn.PreprocessingCommit,
                    "artifact.sha256" => IndexSegment.TextColumn.ArtifactSha,
                    _ => IndexSegment.TextColumn.ArtifactFormat,
                });
            case SearchFieldKind.Metric:
                return m =>
                {
                    if (!metrics.TryGetValue(m.Segment, out var column))
                    {
                        metrics[m.Segment] = column = m.Segment.Metric(key);
                    }
                    return column is null || double.IsNaN(column[m.Row]) ? null : column[m.Row];
                };
            case SearchFieldKind.Tag:
                return m =>
                {
                    if (!tags.TryGetValue(m.Segment, out var column))
                    {
                        tags[m.Segment] = column = m.Segment.Tag(key);
                    }
                    return column?[m.Row];
                };
            case SearchFieldKind.Param:
                // Numbers before text, numbers by value.
                return m =>
                {
                    if (!parameters.TryGetValue(m.Segment, out var column))
                    {
                        parameters[m.Segment] = column = m.Segment.Param(key);
                    }
                    return column?[m.Row] switch
                    {
                        null => null,
                        bool b => (1, 0.0, b ? "true" : "false"),
                        var v when SearchPredicate.AsNumber(v) is { } n => (0, n, ""),
                        var v => (IComparable)(1, 0.0, (string)v),
                    };
                };
            default:
                return _ => null;
        }
    }

    private sealed class ValueComparer(bool descending) : IComparer<IComparable?>
    {
        public int Compare(IComparable? x, IComparable? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : 1) : -1;
            }
            var result = x is string a && y is string b ? string.CompareOrdinal(a, b) : x.CompareTo(y);
            return descending ? -result : result;
        }
    }
}

using System.Globalization;

namespace GitRegistry.Search;

/// <summary>Orders rows by order-by clauses; rows without a field sort after those with it, in either direction.</summary>
internal static class SearchSort
{
    public static IEnumerable<SearchRow> Sort(List<SearchRow> rows, IReadOnlyList<SearchOrder> order, SearchIndex index)
    {
        IOrderedEnumerable<SearchRow>? sorted = null;
        foreach (var clause in order)
        {
            var key = Key(clause.Field, index);
            var comparer = new ValueComparer(clause.Descending);
            sorted = sorted is null ? rows.OrderBy(key, comparer) : sorted.ThenBy(key, comparer);
        }
        return sorted ?? (IEnumerable<SearchRow>)rows;
    }

    private static Func<SearchRow, IComparable?> Key(SearchField field, SearchIndex index)
    {
        switch (field.Kind)
        {
            case SearchFieldKind.Name:
                return r => r.Name;
            case SearchFieldKind.Version:
                return r => r.Version;
            case SearchFieldKind.CreatedAt:
                return r => r.CreatedTicks;
            case SearchFieldKind.Stage:
                return r => r.Stage;
            case SearchFieldKind.RunId:
                return r => r.RunId;
            case SearchFieldKind.SourcePath:
                return r => r.ArtifactUri;
            case SearchFieldKind.CreatedBy:
                return r => r.CreatedBy;
            case SearchFieldKind.Description:
                return r => r.Description;
            case SearchFieldKind.CodeCommit:
                return r => r.CodeCommit;
            case SearchFieldKind.Number:
                return r => r.Number(field.Key);
            case SearchFieldKind.Text:
                return r => r.Text(field.Key);
            case SearchFieldKind.Metric:
                return index.FindKey(field.Key) is { } metric ? r => r.Metric(metric) : _ => null;
            case SearchFieldKind.Tag:
                return index.FindKey(field.Key) is { } tag ? r => r.Tag(tag) : _ => null;
            case SearchFieldKind.Param:
                // Numbers before text, numbers by value.
                return index.FindKey(field.Key) is { } param ? r => r.Param(param) switch
                {
                    null => null,
                    long l => (IComparable)(0, (double)l, ""),
                    double d => (0, d, ""),
                    bool b => (1, 0.0, b ? "true" : "false"),
                    var v => double.TryParse((string)v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? (0, n, "") : (1, 0.0, (string)v),
                } : _ => null;
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

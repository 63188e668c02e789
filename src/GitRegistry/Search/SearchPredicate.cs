using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GitRegistry.Search;

/// <summary>
/// A filter compiled against an index: each condition becomes a test of a row, with its keys looked up once. As in
/// MLflow, a version without the field (no such tag, param or metric) does not match, whatever the comparator.
/// Params compare as numbers when the value given is a number and the param is one (or is text that reads as one),
/// and as text otherwise; stages compare ignoring case, as stage names do.
/// </summary>
internal static class SearchPredicate
{
    public static Func<SearchRow, bool> Compile(SearchFilter filter, SearchIndex index)
    {
        var tests = filter.Conditions.Select(c => Compile(c, index)).ToArray();
        return row =>
        {
            foreach (var test in tests)
            {
                if (!test(row))
                {
                    return false;
                }
            }
            return true;
        };
    }

    private static Func<SearchRow, bool> Compile(SearchCondition condition, SearchIndex index)
    {
        var field = condition.Field;
        var comparator = condition.Comparator;
        var values = condition.Values;
        switch (field.Kind)
        {
            case SearchFieldKind.Version:
                return Numeric(row => row.Version, comparator, values);
            case SearchFieldKind.Number:
                return Numeric(row => row.Number(field.Key), comparator, values);
            case SearchFieldKind.Metric:
            {
                if (index.FindKey(field.Key) is not { } key)
                {
                    return _ => false;
                }
                return Numeric(row => row.Metric(key), comparator, values);
            }
            case SearchFieldKind.CreatedAt:
            {
                var dates = values.Select(v => v is double ms ? SearchDate.FromMilliseconds(ms) : SearchDate.Parse((string)v)!.Value).ToArray();
                return row => Dates(row.CreatedTicks, comparator, dates);
            }
            case SearchFieldKind.Param:
            {
                if (index.FindKey(field.Key) is not { } key)
                {
                    return _ => false;
                }
                if (values.All(v => v is double) && comparator is not (Comparator.Like or Comparator.ILike))
                {
                    return Numeric(row => AsNumber(row.Param(key)), comparator, values);
                }
                return Text(row => AsText(row.Param(key)), comparator, values, ignoreCase: false);
            }
            case SearchFieldKind.Tag:
            {
                if (index.FindKey(field.Key) is not { } key)
                {
                    return _ => false;
                }
                return Text(row => row.Tag(key), comparator, values, ignoreCase: false);
            }
            case SearchFieldKind.Alias:
            {
                var wanted = values.Select(v => (string)v).ToArray();
                if (comparator is Comparator.Like or Comparator.ILike)
                {
                    var pattern = Like(wanted[0], comparator == Comparator.ILike);
                    return row => row.Aliases.Any(pattern.IsMatch);
                }
                // "alias != 'champion'" is every version the alias does not point at, those with no alias included.
                var negate = comparator is Comparator.NotEqual or Comparator.NotIn;
                return row => row.Aliases.Any(a => wanted.Contains(a, StringComparer.Ordinal)) != negate;
            }
            case SearchFieldKind.Stage:
                return Text(row => row.Stage, comparator, values, ignoreCase: true);
            case SearchFieldKind.Name:
                return Text(row => row.Name, comparator, values, ignoreCase: false);
            case SearchFieldKind.RunId:
                return Text(row => row.RunId, comparator, values, ignoreCase: false);
            case SearchFieldKind.SourcePath:
                return Text(row => row.ArtifactUri, comparator, values, ignoreCase: false);
            case SearchFieldKind.CreatedBy:
                return Text(row => row.CreatedBy, comparator, values, ignoreCase: true);
            case SearchFieldKind.Description:
                return Text(row => row.Description, comparator, values, ignoreCase: false);
            case SearchFieldKind.CodeCommit:
                return Text(row => row.CodeCommit, comparator, values, ignoreCase: true);
            default:
                return Text(row => row.Text(field.Key), comparator, values, ignoreCase: field.Key.EndsWith("sha256", StringComparison.Ordinal) || field.Key.EndsWith("code_commit", StringComparison.Ordinal));
        }
    }

    private static Func<SearchRow, bool> Numeric(Func<SearchRow, double?> get, Comparator comparator, IReadOnlyList<object> values)
    {
        var numbers = values.Select(v => v is double d ? d : double.Parse((string)v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        var first = numbers[0];
        return comparator switch
        {
            Comparator.Equal => row => get(row) is { } x && x == first,
            Comparator.NotEqual => row => get(row) is { } x && x != first,
            Comparator.Less => row => get(row) is { } x && x < first,
            Comparator.LessOrEqual => row => get(row) is { } x && x <= first,
            Comparator.Greater => row => get(row) is { } x && x > first,
            Comparator.GreaterOrEqual => row => get(row) is { } x && x >= first,
            Comparator.In => row => get(row) is { } x && numbers.Contains(x),
            _ => row => get(row) is { } x && !numbers.Contains(x),
        };
    }

    private static Func<SearchRow, bool> Text(Func<SearchRow, string?> get, Comparator comparator, IReadOnlyList<object> values, bool ignoreCase)
    {
        var texts = values.Select(v => v as string ?? ((double)v).ToString("R", CultureInfo.InvariantCulture)).ToArray();
        var comparison = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var first = texts[0];
        switch (comparator)
        {
            case Comparator.Equal:
                return row => get(row) is { } x && comparison.Equals(x, first);
            case Comparator.NotEqual:
                return row => get(row) is { } x && !comparison.Equals(x, first);
            case Comparator.In:
                return row => get(row) is { } x && texts.Contains(x, comparison);
            case Comparator.NotIn:
                return row => get(row) is { } x && !texts.Contains(x, comparison);
            case Comparator.Like or Comparator.ILike:
            {
                var pattern = Like(first, comparator == Comparator.ILike || ignoreCase);
                return row => get(row) is { } x && pattern.IsMatch(x);
            }
            default:
            {
                // Ordered comparison of text (params given as strings), by ordinal order as MLflow's string compare.
                return row => get(row) is { } x && comparator switch
                {
                    Comparator.Less => string.CompareOrdinal(x, first) < 0,
                    Comparator.LessOrEqual => string.CompareOrdinal(x, first) <= 0,
                    Comparator.Greater => string.CompareOrdinal(x, first) > 0,
                    _ => string.CompareOrdinal(x, first) >= 0,
                };
            }
        }
    }

    private static bool Dates(long ticks, Comparator comparator, SearchDate[] dates)
    {
        var d = dates[0];
        return comparator switch
        {
            Comparator.Equal => ticks >= d.StartTicks && ticks < d.EndTicks,
            Comparator.NotEqual => ticks < d.StartTicks || ticks >= d.EndTicks,
            Comparator.Less => ticks < d.StartTicks,
            Comparator.LessOrEqual => ticks < d.EndTicks,
            Comparator.Greater => ticks >= d.EndTicks,
            Comparator.GreaterOrEqual => ticks >= d.StartTicks,
            Comparator.In => dates.Any(x => ticks >= x.StartTicks && ticks < x.EndTicks),
            _ => !dates.Any(x => ticks >= x.StartTicks && ticks < x.EndTicks),
        };
    }

    private static double? AsNumber(object? value) => value switch
    {
        long l => l,
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static string? AsText(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        _ => (string)value,
    };

    /// <summary>SQL LIKE as a regular expression: % any text, _ one character, everything else literal.</summary>
    private static Regex Like(string pattern, bool ignoreCase)
    {
        var regex = new StringBuilder("^");
        foreach (var c in pattern)
        {
            regex.Append(c switch
            {
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }
        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
    }
}

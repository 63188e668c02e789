using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Text = GitRegistry.Search.IndexSegment.TextColumn;

namespace GitRegistry.Search;

/// <summary>
/// A filter compiled to tests of the index's rows: for each model's segment, each condition reads the one column it
/// needs (a metric column is found by key and decoded alone) and tests rows by position. As in MLflow, a version
/// without the field (no such tag, param or metric) does not match, whatever the comparator. Params compare as
/// numbers when the value given is a number and the param is one (or is text that reads as one), and as text
/// otherwise; stages compare ignoring case, as stage names do.
/// </summary>
internal static class SearchPredicate
{
    /// <summary>A test of a segment's rows by position.</summary>
    public delegate Func<int, bool> SegmentTest(IndexSegment segment);

    public static SegmentTest Compile(SearchFilter filter)
    {
        var tests = filter.Conditions.Select(Compile).ToArray();
        return segment =>
        {
            var rows = tests.Select(t => t(segment)).ToArray();
            return row =>
            {
                foreach (var test in rows)
                {
                    if (!test(row))
                    {
                        return false;
                    }
                }
                return true;
            };
        };
    }

    private static SegmentTest Compile(SearchCondition condition)
    {
        var field = condition.Field;
        var comparator = condition.Comparator;
        var values = condition.Values;
        var key = Encoding.UTF8.GetBytes(field.Key);
        switch (field.Kind)
        {
            case SearchFieldKind.Version:
            {
                var test = Numeric(comparator, values);
                return s => row => test(s.Versions[row]);
            }
            case SearchFieldKind.Number:
            {
                var test = Numeric(comparator, values);
                return field.Key == "data.rows"
                    ? s => row => s.DataRows(row) is { } n && test(n)
                    : s => row => test(s.ArtifactSize(row));
            }
            case SearchFieldKind.Metric:
            {
                var test = Numeric(comparator, values);
                return s => s.Metric(key) is { } column ? row => !double.IsNaN(column[row]) && test(column[row]) : _ => false;
            }
            case SearchFieldKind.CreatedAt:
            {
                var dates = values.Select(v => v is double ms ? SearchDate.FromMilliseconds(ms) : SearchDate.Parse((string)v)!.Value).ToArray();
                return s => row => Dates(s.Ticks[row], comparator, dates);
            }
            case SearchFieldKind.Param:
            {
                if (values.All(v => v is double) && comparator is not (Comparator.Like or Comparator.ILike))
                {
                    var test = Numeric(comparator, values);
                    return s => s.Param(key) is { } column ? row => AsNumber(column[row]) is { } n && test(n) : _ => false;
                }
                var text = Textual(comparator, values, ignoreCase: false);
                return s => s.Param(key) is { } column ? row => AsText(column[row]) is { } x && text(x) : _ => false;
            }
            case SearchFieldKind.Tag:
            {
                var text = Textual(comparator, values, ignoreCase: false);
                return s => s.Tag(key) is { } column ? row => column[row] is { } x && text(x) : _ => false;
            }
            case SearchFieldKind.Alias:
            {
                var wanted = values.Select(v => (string)v).ToArray();
                if (comparator is Comparator.Like or Comparator.ILike)
                {
                    var pattern = Like(wanted[0], comparator == Comparator.ILike);
                    return s => row => s.AliasesOf(row).Any(pattern.IsMatch);
                }
                // "alias != 'champion'" is every version the alias does not point at, those with no alias included.
                var negate = comparator is Comparator.NotEqual or Comparator.NotIn;
                return s => row => s.Aliases.Any(a => a.Version == s.Versions[row] && wanted.Contains(a.Alias, StringComparer.Ordinal)) != negate;
            }
            case SearchFieldKind.Name:
            {
                var text = Textual(comparator, values, ignoreCase: false);
                return s => text(s.Name) ? _ => true : _ => false;
            }
            case SearchFieldKind.Stage:
            {
                var text = Textual(comparator, values, ignoreCase: true);
                return s => row => text(s.Stages[row]);
            }
            case SearchFieldKind.Description:
            {
                var text = Textual(comparator, values, ignoreCase: false);
                return s =>
                {
                    var state = s.Text(Text.StateDescription);
                    var manifest = s.Text(Text.ManifestDescription);
                    return row => (state[row] ?? manifest[row]) is { } x && text(x);
                };
            }
            case SearchFieldKind.SourcePath:
            {
                var text = Textual(comparator, values, ignoreCase: false);
                return s =>
                {
                    var uris = s.Text(Text.ArtifactUri);
                    var shas = s.Text(Text.ArtifactSha);
                    return row => text(uris[row] ?? Stores.LocalArtifactStore.UriPrefix + shas[row]);
                };
            }
            default:
            {
                var (column, ignoreCase) = field.Kind switch
                {
                    SearchFieldKind.RunId => (Text.RunId, false),
                    SearchFieldKind.CreatedBy => (Text.CreatedBy, true),
                    SearchFieldKind.CodeCommit => (Text.CodeCommit, true),
                    _ => field.Key switch
                    {
                        "data.sha256" => (Text.DataSha, true),
                        "data.cutoff" => (Text.DataCutoff, false),
                        "data.source" => (Text.DataSource, false),
                        "preprocessing.version" => (Text.PreprocessingVersion, false),
                        "preprocessing.code_commit" => (Text.PreprocessingCommit, true),
                        "artifact.sha256" => (Text.ArtifactSha, true),
                        _ => (Text.ArtifactFormat, true),
                    },
                };
                var text = Textual(comparator, values, ignoreCase);
                return s =>
                {
                    var texts = s.Text(column);
                    return row => texts[row] is { } x && text(x);
                };
            }
        }
    }

    private static Func<double, bool> Numeric(Comparator comparator, IReadOnlyList<object> values)
    {
        var numbers = values.Select(v => v is double d ? d : double.Parse((string)v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        var first = numbers[0];
        return comparator switch
        {
            Comparator.Equal => x => x == first,
            Comparator.NotEqual => x => x != first,
            Comparator.Less => x => x < first,
            Comparator.LessOrEqual => x => x <= first,
            Comparator.Greater => x => x > first,
            Comparator.GreaterOrEqual => x => x >= first,
            Comparator.In => numbers.Contains,
            _ => x => !numbers.Contains(x),
        };
    }

    private static Func<string, bool> Textual(Comparator comparator, IReadOnlyList<object> values, bool ignoreCase)
    {
        var texts = values.Select(v => v as string ?? ((double)v).ToString("R", CultureInfo.InvariantCulture)).ToArray();
        var comparison = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var first = texts[0];
        switch (comparator)
        {
            case Comparator.Equal:
                return x => comparison.Equals(x, first);
            case Comparator.NotEqual:
                return x => !comparison.Equals(x, first);
            case Comparator.In:
                return x => texts.Contains(x, comparison);
            case Comparator.NotIn:
                return x => !texts.Contains(x, comparison);
            case Comparator.Like or Comparator.ILike:
                return Like(first, comparator == Comparator.ILike || ignoreCase).IsMatch;
            default:
                // Ordered comparison of text (params given as strings), in ordinal order as MLflow compares strings.
                return comparator switch
                {
                    Comparator.Less => x => string.CompareOrdinal(x, first) < 0,
                    Comparator.LessOrEqual => x => string.CompareOrdinal(x, first) <= 0,
                    Comparator.Greater => x => string.CompareOrdinal(x, first) > 0,
                    _ => x => string.CompareOrdinal(x, first) >= 0,
                };
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

    /// <summary>A param's value as a number, when it is one or is text that reads as one.</summary>
    public static double? AsNumber(object? value) => value switch
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

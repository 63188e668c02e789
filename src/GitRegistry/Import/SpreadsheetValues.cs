using System.Globalization;
using System.Text.RegularExpressions;

namespace GitRegistry.Import;

/// <summary>
/// Reads values the way spreadsheets write them: numbers with a decimal comma or point, thousands separators and
/// percentages; dates in ISO 8601, German (31.10.2024), day/month or month/day order, English month names and
/// Excel's serial day numbers. Dates without a time zone are taken as UTC.
/// </summary>
internal static partial class SpreadsheetValues
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ssK", "yyyy/M/d", "yyyy/M/d H:mm", "yyyy/M/d H:mm:ss", "yyyy.M.d",
        "d.M.yyyy", "d.M.yyyy H:mm", "d.M.yyyy H:mm:ss", "d.M.yy",
        "d MMM yyyy", "d MMMM yyyy", "d-MMM-yyyy", "d-MMM-yy", "MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy", "MMMM d yyyy", "ddd, d MMM yyyy HH:mm:ss 'GMT'",
    ];

    /// <summary>
    /// A number: <c>0.91</c>, <c>0,91</c>, <c>1 234,5</c>, <c>1,234.5</c>, <c>1.234.567</c>, <c>1e-5</c>, <c>91%</c>
    /// (0.91). With both separators the last is the decimal one; a lone comma is a decimal comma; several of one
    /// kind are thousands separators.
    /// </summary>
    public static bool TryNumber(string text, out double value)
    {
        value = 0;
        var s = text.Trim().Replace("\u00a0", "").Replace("\u202f", "").Replace(" ", "").Replace("'", "").Replace("\u2019", "");
        var percent = s.EndsWith('%');
        if (percent)
        {
            s = s[..^1];
        }
        if (s.Length == 0)
        {
            return false;
        }
        var commas = s.Count(c => c == ',');
        var dots = s.Count(c => c == '.');
        if (commas > 0 && dots > 0)
        {
            var decimalIsComma = s.LastIndexOf(',') > s.LastIndexOf('.');
            s = decimalIsComma ? s.Replace(".", "").Replace(',', '.') : s.Replace(",", "");
        }
        else if (commas == 1)
        {
            s = s.Replace(',', '.');
        }
        else if (commas > 1)
        {
            s = s.Replace(",", "");
        }
        else if (dots > 1)
        {
            s = s.Replace(".", "");
        }
        if (!NumberPattern().IsMatch(s) || !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return false;
        }
        if (percent)
        {
            value = (double)((decimal)value / 100m);
        }
        return true;
    }

    /// <summary>A whole number (a version, a row count): <c>7</c>, <c>7.0</c>, <c>v7</c>, <c>120 000</c>, <c>120,000</c>.</summary>
    public static bool TryInteger(string text, out long value)
    {
        value = 0;
        var s = text.Trim();
        if (s.Length > 1 && s[0] is 'v' or 'V' && char.IsAsciiDigit(s[1]))
        {
            s = s[1..];
        }
        if (TryNumber(s, out var number) && number == Math.Floor(number) && Math.Abs(number) < 1e15 && !s.EndsWith('%'))
        {
            value = (long)number;
            return true;
        }
        return false;
    }

    /// <summary>True for a cell that means "no value": empty, <c>-</c>, <c>n/a</c>, <c>NA</c>, <c>NaN</c>, <c>null</c>, <c>none</c>.</summary>
    public static bool IsBlank(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().ToLowerInvariant() is "-" or "\u2013" or "n/a" or "na" or "nan" or "null" or "none" or "#n/a";

    /// <summary>Which order the day/month dates of a column are in, from the values that settle it; null when none does (or they disagree).</summary>
    public static DateOrder? DetectOrder(IEnumerable<string> values)
    {
        bool dayFirst = false, monthFirst = false;
        foreach (var value in values)
        {
            if (SlashDate().Match(value.Trim()) is { Success: true } match)
            {
                var first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                var second = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                dayFirst |= first > 12 && second <= 12;
                monthFirst |= second > 12 && first <= 12;
            }
        }
        return dayFirst == monthFirst ? null : dayFirst ? DateOrder.DayFirst : DateOrder.MonthFirst;
    }

    /// <summary>
    /// A date or date-time, UTC when it names no zone. <paramref name="formats"/> are tried first; day/month dates use
    /// <paramref name="order"/>; an error says why not (unknown form, or ambiguous day and month).
    /// </summary>
    public static DateTimeOffset? TryDate(string text, IReadOnlyList<string> formats, DateOrder? order, out string? error)
    {
        error = null;
        var s = text.Trim();
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (formats.Count > 0 && DateTimeOffset.TryParseExact(s, formats.ToArray(), CultureInfo.InvariantCulture, styles, out var custom))
        {
            return custom;
        }
        if (DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, styles, out var known))
        {
            return known;
        }
        if (SlashDate().Match(s) is { Success: true } match)
        {
            var first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var second = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var resolved = first > 12 && second <= 12 ? DateOrder.DayFirst : second > 12 && first <= 12 ? DateOrder.MonthFirst : order;
            if (resolved is null or DateOrder.Detect)
            {
                error = $"'{s}' could be day/month or month/day; pass --date-order dmy or mdy";
                return null;
            }
            var separator = match.Groups[3].Value;
            var pattern = resolved == DateOrder.DayFirst ? $"d{separator}M{separator}yyyy" : $"M{separator}d{separator}yyyy";
            var rest = s[match.Groups[4].Index..].Trim();
            var withTime = rest.Length == 0 ? [pattern] : new[] { pattern + " H:mm", pattern + " H:mm:ss", pattern + " h:mm tt", pattern + " h:mm:ss tt" };
            if (DateTimeOffset.TryParseExact(s, withTime, CultureInfo.InvariantCulture, styles, out var slashed))
            {
                return slashed;
            }
        }
        if (ExcelSerial().IsMatch(s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
        {
            // Excel's 1900 date system: day 1 is 1900-01-01, counted from 1899-12-30 because of its 1900 leap-year bug.
            return new DateTimeOffset(1899, 12, 30, 0, 0, 0, TimeSpan.Zero).AddDays(serial);
        }
        error = $"'{s}' is not a date in a form this importer reads (ISO 8601, 31.10.2024, 10/31/2024, 31 Oct 2024, an Excel day number); pass --date-format";
        return null;
    }

    [GeneratedRegex(@"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^([0-9]{1,2})[/\-]([0-9]{1,2})([/\-])[0-9]{4}()")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"^[0-9]{5}(\.[0-9]+)?$")]
    private static partial Regex ExcelSerial();
}

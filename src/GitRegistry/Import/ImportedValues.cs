using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GitRegistry.Import;

/// <summary>
/// Turns a source's names and values into the registry's: model, alias, tag and metric names made valid (the
/// caller reports every change), parameter text typed only when the typed value prints back exactly as written,
/// epoch milliseconds as ISO 8601 UTC.
/// </summary>
internal static partial class ImportedValues
{
    /// <summary>The longest tag value a registry file holds.</summary>
    public const int MaxTagValue = 5000;

    /// <summary>A valid model name for <paramref name="source"/>: lowercase, other characters as '_'.</summary>
    public static string ModelName(string source)
    {
        var text = Replace(source.Trim().ToLowerInvariant(), c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.');
        text = Dots().Replace(text, ".");
        if (text.Length == 0 || !(char.IsAsciiLetterLower(text[0]) || char.IsAsciiDigit(text[0]) || text[0] == '_'))
        {
            text = "_" + text;
        }
        return text.Length > 64 ? text[..64] : text;
    }

    /// <summary>A valid alias for <paramref name="source"/>, or null when none is (e.g. <c>latest</c>, <c>v2</c>).</summary>
    public static string? Alias(string source)
    {
        var text = source.Trim().ToLowerInvariant();
        return AliasName.IsValid(text) ? text : null;
    }

    /// <summary>A valid tag key for <paramref name="source"/>: other characters as '_', at most 128.</summary>
    public static string TagKey(string source)
    {
        var text = Replace(source, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '/' or '-');
        text = text.Length == 0 ? "_" : text;
        return text.Length > 128 ? text[..128] : text;
    }

    /// <summary>A valid metric name: starts with a letter, then letters, digits, '_', '.', '@', '-'; at most 128.</summary>
    public static string MetricName(string source)
    {
        var text = Replace(source, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '@' or '-');
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]))
        {
            text = "m_" + text;
        }
        return text.Length > 128 ? text[..128] : text;
    }

    /// <summary>True when <paramref name="split"/> is a valid split name.</summary>
    public static bool IsSplitName(string split) => SplitPattern().IsMatch(split);

    /// <summary>
    /// A parameter value: <c>true</c>/<c>false</c>, an integer, or a number that prints back exactly as written
    /// become typed values; anything else (<c>True</c>, <c>1e-05</c>, <c>0.10</c>, <c>007</c>) stays text, so the
    /// registry never alters what was logged.
    /// </summary>
    public static object Param(string text)
    {
        if (text is "true" or "false")
        {
            return text == "true";
        }
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }
        if (DecimalPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            && Documents.YamlWriter.FormatDouble(real) == text)
        {
            return real;
        }
        return text;
    }

    /// <summary>Epoch milliseconds as ISO 8601 UTC, with milliseconds when there are any.</summary>
    public static string Timestamp(long milliseconds)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;
        return time.ToString(time.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A date-time as the registry writes it (UTC, ISO 8601, with fractions of a second only when there are any).</summary>
    public static string Timestamp(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        return utc.ToString(fraction == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : fraction % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A git commit id as the manifest holds it (7-64 lowercase hex), or null when <paramref name="text"/> is not one.</summary>
    public static string? CommitId(string? text)
    {
        var value = text?.Trim().ToLowerInvariant();
        return value is not null && CommitPattern().IsMatch(value) ? value : null;
    }

    /// <summary>A sha256 as the manifest holds it (64 lowercase hex), or null when <paramref name="text"/> is not one.</summary>
    public static string? Sha256(string? text)
    {
        var value = text?.Trim().ToLowerInvariant();
        return value is not null && ShaPattern().IsMatch(value) ? value : null;
    }

    private static string Replace(string text, Func<char, bool> allowed)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(allowed(c) ? c : '_');
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"\.{2,}")]
    private static partial Regex Dots();

    [GeneratedRegex(@"^[a-z][a-z0-9_\-]{0,63}$")]
    private static partial Regex SplitPattern();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,17})$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)\.[0-9]+$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[0-9a-f]{7,64}$")]
    private static partial Regex CommitPattern();

    [GeneratedRegex(@"^[0-9a-f]{64}$")]
    private static partial Regex ShaPattern();
}

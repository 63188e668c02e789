using System.Collections;
using System.Globalization;
using System.Net;

namespace GitRegistry.Site;

/// <summary>How the site writes values: numbers in the invariant culture, and every registry string HTML-escaped.</summary>
internal static class SiteText
{
    /// <summary>Escapes text for HTML content and quoted attributes (&lt; &gt; &amp; " ').</summary>
    public static string Html(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    public static string IsoTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A parameter value as text: scalars as YAML would show them, lists and maps inline.</summary>
    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => Number(d),
        float f => Number(f),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{Value(k)}: {Value(map[k])}")) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Value)) + "]",
        _ => value.ToString() ?? "",
    };
}

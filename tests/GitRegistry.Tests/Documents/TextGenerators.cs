using FsCheck;
using FsCheck.Fluent;

namespace GitRegistry.Tests.Documents;

/// <summary>Text built from the pieces that make YAML writers stumble: indicators, line breaks, look-alikes of other types, odd Unicode.</summary>
public static class TextGenerators
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "word", "0", "1.5", "-3", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", ":", ": ", "# ", "#", "- ", "-", "---", "...",
        "\"", "'", "\\", "{", "}", "[", "]", ",", "&a", "*a", "!", "!!str", "|", ">", "%", "@", "`", "?", "é", "ß", "予測", "😀",
        "\u0085", "\u2028", "\u2029", "\u00a0", "\ufeff", "\0", "\u0007", "\u001b", "\u007f", "\u00ad", "\ue000", "\ufffe",
        "yes", "No", "on", "null", "~", "true", "0x1F", "0o17", "1e3", ".inf", ".nan", "2026-01-01", "12:30", "1_000",
    ];

    /// <summary>Any text of those pieces, up to a few dozen of them.</summary>
    public static Arbitrary<YamlText> Texts() =>
        Gen.Elements(Pieces).ListOf().Select(pieces => new YamlText(string.Concat(pieces))).ToArbitrary();
}

/// <summary>A string to write into a registry file; printed with escapes so that a failing case can be read.</summary>
public sealed record YamlText(string Value)
{
    /// <inheritdoc/>
    public override string ToString() =>
        "\"" + string.Concat(Value.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";
}

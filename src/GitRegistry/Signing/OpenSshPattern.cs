using System.Text;

namespace GitRegistry.Signing;

/// <summary>
/// OpenSSH's wildcard patterns (match.c): <c>*</c> matches any run of bytes, <c>?</c> exactly one, everything
/// else itself, case-sensitively; a pattern list is comma-separated and a <c>!</c> entry that matches vetoes the
/// whole list. Matching is done on UTF-8 bytes, as OpenSSH does, so <c>?</c> is one byte, not one character.
/// </summary>
internal static class OpenSshPattern
{
    /// <summary>
    /// OpenSSH's <c>match_pattern_list</c>: true when some entry matches and no negated entry does.
    /// </summary>
    public static bool MatchesList(string text, string patternList)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var positive = false;
        // A trailing comma ends the list rather than adding an empty entry, as in OpenSSH.
        var entries = patternList.Split(',');
        foreach (var entry in patternList.EndsWith(',') ? entries[..^1] : entries)
        {
            var negated = entry.StartsWith('!');
            var pattern = negated ? entry[1..] : entry;
            if (Matches(bytes, Encoding.UTF8.GetBytes(pattern)))
            {
                if (negated)
                {
                    return false;
                }
                positive = true;
            }
        }
        return positive;
    }

    /// <summary>OpenSSH's <c>match_pattern</c>.</summary>
    private static bool Matches(ReadOnlySpan<byte> text, ReadOnlySpan<byte> pattern)
    {
        // Iterative glob with one backtrack point: the last '*' seen and where in the text it started matching.
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == (byte)'*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && (pattern[p] == (byte)'?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == (byte)'*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}

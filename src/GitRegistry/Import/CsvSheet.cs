using System.Text;
using CsvHelper;

namespace GitRegistry.Import;

/// <summary>
/// A spreadsheet saved as CSV: its header and rows, numbered as the spreadsheet shows them (the header is row 1).
/// UTF-8 with or without a byte-order mark, else Windows' Latin-1; ',' ';' or tab as the delimiter, detected from
/// the header line unless given; quoted cells may hold the delimiter and line breaks.
/// </summary>
internal sealed class CsvSheet
{
    private CsvSheet(IReadOnlyList<string> headers, IReadOnlyList<(int Row, string[] Cells)> rows, char delimiter, bool latin1)
    {
        Headers = headers;
        Rows = rows;
        Delimiter = delimiter;
        Latin1 = latin1;
    }

    /// <summary>The header row's cells, trimmed.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The data rows with their row numbers (2 for the first row after the header).</summary>
    public IReadOnlyList<(int Row, string[] Cells)> Rows { get; }

    /// <summary>The delimiter used.</summary>
    public char Delimiter { get; }

    /// <summary>True when the file was not UTF-8 and was read as Latin-1.</summary>
    public bool Latin1 { get; }

    public static CsvSheet Read(string path, char? delimiter)
    {
        if (!File.Exists(path))
        {
            throw new RegistryException(ErrorKind.NotFound, $"the spreadsheet '{path}' does not exist", "check the path; save the sheet as CSV first");
        }
        var bytes = File.ReadAllBytes(path);
        string text;
        var latin1 = false;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
            latin1 = true;
        }
        text = text.TrimStart('\uFEFF');
        var separator = delimiter ?? Detect(text);
        var options = new CsvReaderOptions { Separator = separator, HasHeader = false, SkipEmptyLines = false };
        var records = new List<string[]>();
        using (var reader = CsvReader.FromText(text, options))
        {
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i) ?? "";
                }
                records.Add(cells);
            }
        }
        var headerIndex = records.FindIndex(r => r.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (headerIndex < 0)
        {
            throw new RegistryException(ErrorKind.Usage, $"the spreadsheet '{path}' is empty", "save the sheet with its header row");
        }
        var headers = records[headerIndex].Select(h => h.Trim()).ToList();
        var rows = records.Skip(headerIndex + 1).Select((cells, i) => (headerIndex + i + 2, cells)).ToList();
        return new CsvSheet(headers, rows, separator, latin1);
    }

    /// <summary>The column whose header matches <paramref name="header"/>, ignoring case, spaces and punctuation; -1 when none.</summary>
    public int Column(string header)
    {
        var wanted = Normalize(header);
        var matches = Headers.Select((h, i) => (h, i)).Where(x => Normalize(x.h) == wanted).Select(x => x.i).ToList();
        if (matches.Count > 1)
        {
            throw new RegistryException(ErrorKind.Usage, $"several columns match '{header}': {string.Join(", ", matches.Select(i => $"'{Headers[i]}'"))}",
                "rename one of them in the sheet");
        }
        return matches.Count == 0 ? -1 : matches[0];
    }

    /// <summary>A header as compared: lowercase letters and digits only ("Git hash", "git_hash" and "GitHash" match).</summary>
    public static string Normalize(string header) => new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static char Detect(string text)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? "";
        var counts = new Dictionary<char, int> { [','] = 0, [';'] = 0, ['\t'] = 0 };
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && counts.ContainsKey(c))
            {
                counts[c]++;
            }
        }
        return counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key == ',' ? 0 : 1).First().Key;
    }
}

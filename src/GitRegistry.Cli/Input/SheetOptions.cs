namespace GitRegistry.Cli.Input;

/// <summary>Parses the spreadsheet options that import csv and export csv share: FIELD=HEADER mappings and the delimiter.</summary>
internal static class SheetOptions
{
    /// <summary><c>--column FIELD=HEADER</c> (or <c>--metric SPLIT.METRIC=HEADER</c>) values, in the order given.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Mappings(IEnumerable<string>? values, string option) =>
        (values ?? []).Select(text =>
        {
            var (field, header) = ValueParser.KeyValue(text, option);
            if (header.Trim().Length == 0)
            {
                throw new RegistryException(ErrorKind.Usage, $"{option} '{text}' names no column header", $"write e.g. {option} {field}=\"Column header\"");
            }
            return new KeyValuePair<string, string>(field, header.Trim());
        }).ToList();

    /// <summary>The delimiter named by <c>--delimiter</c>: <c>,</c>, <c>;</c>, <c>|</c> or <c>tab</c>.</summary>
    public static char? Delimiter(string? text) => text switch
    {
        null => null,
        "," or ";" or "|" => text[0],
        "tab" or "\\t" or "\t" => '\t',
        _ => throw new RegistryException(ErrorKind.Usage, $"'{text}' is not a delimiter this tool reads", "use ',', ';', '|' or tab"),
    };
}

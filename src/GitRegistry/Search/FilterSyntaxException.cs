namespace GitRegistry.Search;

/// <summary>A search filter or order-by clause that does not parse: the message names the column and shows where.</summary>
public sealed class FilterSyntaxException : RegistryException
{
    /// <summary>Creates the error for <paramref name="text"/>, failing at 1-based <paramref name="column"/>.</summary>
    public FilterSyntaxException(string text, int column, string problem, string? fix = null)
        : base(ErrorKind.Usage, $"the filter is not valid at column {column}: {problem}\n  {text}\n  {new string(' ', Math.Max(0, column - 1))}^",
            fix ?? "see docs/search.md for the grammar, e.g. name = 'churn' AND metrics.test.auc_roc >= 0.9")
    {
        Text = text;
        Column = column;
        Problem = problem;
    }

    /// <summary>The filter (or order-by clause) as given.</summary>
    public string Text { get; }

    /// <summary>The 1-based column where parsing failed.</summary>
    public int Column { get; }

    /// <summary>What was wrong there.</summary>
    public string Problem { get; }
}

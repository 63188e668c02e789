namespace GitRegistry.Site;

/// <summary>One line of a comparison between two versions: a parameter or a metric on a split.</summary>
/// <param name="Key">The parameter's name, or <c>split.metric</c>.</param>
/// <param name="Old">The older version's value, or null if it has none.</param>
/// <param name="New">The newer version's value, or null if it has none.</param>
/// <param name="Delta">For metrics present in both: new minus old.</param>
public sealed record DiffRow(string Key, string? Old, string? New, double? Delta = null)
{
    /// <summary>True when the value differs (added, removed or changed).</summary>
    public bool Changed => !string.Equals(Old, New, StringComparison.Ordinal);
}

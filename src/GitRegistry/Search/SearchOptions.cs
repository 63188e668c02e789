namespace GitRegistry.Search;

/// <summary>What <see cref="Registry.Search"/> looks for and how it returns it.</summary>
public sealed class SearchOptions
{
    /// <summary>The filter (see <see cref="SearchFilter"/>); empty for every version.</summary>
    public string? Filter { get; init; }

    /// <summary>Order-by clauses, e.g. <c>metrics.test.auc_roc DESC</c>; empty for newest first.</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = [];

    /// <summary>The most versions to return (MLflow's max_results).</summary>
    public int MaxResults { get; init; } = 1000;

    /// <summary>Include deleted versions (MLflow never returns them).</summary>
    public bool IncludeDeleted { get; init; }
}

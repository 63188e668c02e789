namespace GitRegistry.Search;

/// <summary>One condition of a filter: a field, a comparator and the value (several for IN).</summary>
/// <param name="Field">The field compared.</param>
/// <param name="Comparator">How.</param>
/// <param name="Values">The value, a string or a double; several for IN and NOT IN.</param>
/// <param name="Column">The 1-based column where the condition starts in the filter.</param>
public sealed record SearchCondition(SearchField Field, Comparator Comparator, IReadOnlyList<object> Values, int Column);

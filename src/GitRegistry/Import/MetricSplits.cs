namespace GitRegistry.Import;

/// <summary>
/// Splits a tracker's flat metric key (<c>val_auc</c>, <c>test/loss</c>, <c>accuracy_train</c>) into the
/// registry's split and metric: a prefix or suffix naming a split, joined by <c>_</c>, <c>/</c>, <c>.</c> or
/// <c>-</c>, decides the split; every other key goes under the default split. The table is docs/import.md's.
/// </summary>
internal static class MetricSplits
{
    /// <summary>The split each prefix or suffix word names, longest words first so that <c>validation_</c> wins over <c>val</c>.</summary>
    public static readonly IReadOnlyList<(string Word, string Split)> Words =
    [
        ("validation", "validation"),
        ("training", "train"),
        ("valid", "validation"),
        ("train", "train"),
        ("eval", "validation"),
        ("test", "test"),
        ("dev", "validation"),
        ("val", "validation"),
    ];

    private static readonly char[] Joiners = ['_', '/', '.', '-'];

    /// <summary>The split and the remaining metric key (not yet made a valid name).</summary>
    public static (string Split, string Metric) Map(string key, string defaultSplit)
    {
        var lower = key.ToLowerInvariant();
        foreach (var (word, split) in Words)
        {
            if (lower.Length > word.Length + 1 && lower.StartsWith(word, StringComparison.Ordinal) && Joiners.Contains(lower[word.Length]))
            {
                return (split, key[(word.Length + 1)..]);
            }
        }
        foreach (var (word, split) in Words)
        {
            if (lower.Length > word.Length + 1 && lower.EndsWith(word, StringComparison.Ordinal) && Joiners.Contains(lower[^(word.Length + 1)]))
            {
                return (split, key[..^(word.Length + 1)]);
            }
        }
        return (defaultSplit, key);
    }
}

namespace GitRegistry.Configuration;

/// <summary>
/// A metric condition for entering a stage: an absolute bound (<c>min</c>/<c>max</c>), and/or no worse than the
/// version currently in the stage by more than <c>max_regression</c>.
/// </summary>
public sealed class MetricGate
{
    /// <summary>The metric as <c>split.name</c>, e.g. <c>test.auc_roc</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>The lowest acceptable value.</summary>
    public double? Min { get; init; }

    /// <summary>The highest acceptable value.</summary>
    public double? Max { get; init; }

    /// <summary>How much worse than the version currently in the stage the new one may be.</summary>
    public double? MaxRegression { get; init; }

    /// <summary>False for metrics where lower is better (loss, error); default true.</summary>
    public bool HigherIsBetter { get; init; } = true;
}

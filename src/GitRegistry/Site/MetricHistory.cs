namespace GitRegistry.Site;

/// <summary>One metric across a model's versions: a series per split, drawn as one chart.</summary>
/// <param name="Metric">The metric's name (e.g. <c>auc_roc</c>).</param>
/// <param name="Series">A series per split, ordered by split name.</param>
public sealed record MetricHistory(string Metric, IReadOnlyList<MetricSeries> Series)
{
    /// <summary>How many points the chart draws.</summary>
    public int PointCount => Series.Sum(s => s.Points.Count);
}

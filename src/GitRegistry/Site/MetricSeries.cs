namespace GitRegistry.Site;

/// <summary>A metric on one split across a model's versions, oldest first.</summary>
/// <param name="Split">The split (e.g. <c>test</c>).</param>
/// <param name="Points">One point per live version that reports the metric on this split.</param>
public sealed record MetricSeries(string Split, IReadOnlyList<MetricPoint> Points);

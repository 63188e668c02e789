namespace GitRegistry.Site;

/// <summary>One value of a metric on one split, for one version.</summary>
/// <param name="Version">The version.</param>
/// <param name="Value">The metric's value.</param>
public sealed record MetricPoint(int Version, double Value);

namespace GitRegistry.Runtime.Manifests;

/// <summary>Which data a version was trained on.</summary>
/// <param name="Sha256">sha256 of the training data.</param>
/// <param name="Cutoff">The data cutoff (ISO 8601 date or date-time).</param>
/// <param name="Source">Where the data came from.</param>
/// <param name="Rows">Number of rows.</param>
public sealed record DataLineage(string? Sha256, string? Cutoff, string? Source, long? Rows);

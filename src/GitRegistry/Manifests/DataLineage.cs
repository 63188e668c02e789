namespace GitRegistry.Manifests;

/// <summary>Which data a version was trained on.</summary>
public sealed class DataLineage
{
    /// <summary>sha256 of the training data file (or of a canonical listing of a data set), lowercase hex.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The training data cutoff date (ISO 8601 date or date-time).</summary>
    public string? Cutoff { get; init; }

    /// <summary>Where the data came from (a URI or a path).</summary>
    public string? Source { get; init; }

    /// <summary>Number of rows (examples) in the data set.</summary>
    public long? Rows { get; init; }
}

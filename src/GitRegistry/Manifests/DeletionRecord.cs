namespace GitRegistry.Manifests;

/// <summary>Marks a version deleted: it can no longer be resolved, and its number is never reused.</summary>
public sealed class DeletionRecord
{
    /// <summary>When, UTC, ISO 8601.</summary>
    public required string At { get; init; }

    /// <summary>By whom.</summary>
    public required Person By { get; init; }

    /// <summary>Why, if given.</summary>
    public string? Comment { get; init; }
}

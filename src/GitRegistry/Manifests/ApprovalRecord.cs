namespace GitRegistry.Manifests;

/// <summary>One approval of a version for a stage.</summary>
public sealed class ApprovalRecord
{
    /// <summary>The stage the version is approved for.</summary>
    public required string Stage { get; init; }

    /// <summary>Who approved; must match the signer of the commit that added the record.</summary>
    public required Person By { get; init; }

    /// <summary>When, UTC, ISO 8601.</summary>
    public required string At { get; init; }

    /// <summary>The justification.</summary>
    public string? Comment { get; init; }
}

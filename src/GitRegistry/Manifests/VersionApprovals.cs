namespace GitRegistry.Manifests;

/// <summary>
/// <c>models/NAME/approvals/N.yaml</c>: the approvals of version N, appended one signed commit at a time.
/// Its schema is <c>schema/approvals.schema.json</c>.
/// </summary>
public sealed class VersionApprovals
{
    /// <summary>The model's name.</summary>
    public required string Name { get; init; }

    /// <summary>The version approved.</summary>
    public required int Version { get; init; }

    /// <summary>The approvals, oldest first.</summary>
    public List<ApprovalRecord> Approvals { get; init; } = [];
}

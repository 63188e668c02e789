namespace GitRegistry.Configuration;

/// <summary>What moving a version into one stage requires.</summary>
public sealed class StagePolicy
{
    /// <summary>How many approvals, from distinct people, the move needs.</summary>
    public int Approvals { get; init; }

    /// <summary>The group approvers must belong to.</summary>
    public string Approvers { get; init; } = "approvers";

    /// <summary>When true (the default), an approver may be neither the version's registrant nor the one requesting the move.</summary>
    public bool SeparationOfDuties { get; init; } = true;

    /// <summary>Metric conditions the version must meet.</summary>
    public List<MetricGate> Gates { get; init; } = [];
}

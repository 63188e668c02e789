namespace GitRegistry.Configuration;

/// <summary>The rules every change to the registry must follow; checked when writing and by <c>gitreg verify</c>.</summary>
public sealed class PolicyConfig
{
    /// <summary>
    /// For each kind of change (register, transition, alias, tag, describe, delete, approve, configure, merge), the
    /// groups allowed to make it. A kind that is not listed may be made by any allowed signer.
    /// </summary>
    public SortedDictionary<string, List<string>> Permissions { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The stage moves allowed; when empty, any move is. <c>*</c> matches any stage.</summary>
    public List<TransitionRule> Transitions { get; init; } = [];

    /// <summary>Rules for moving into particular stages: approvals and metric gates.</summary>
    public SortedDictionary<string, StagePolicy> Stages { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}

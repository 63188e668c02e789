using GitRegistry.Manifests;

namespace GitRegistry.Site;

/// <summary>What the site shows of one model: its versions, stage holders, metric charts and stage timeline.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="State">Description, tags, aliases and the state of each version, from model.yaml.</param>
/// <param name="Versions">Every version, deleted ones included, oldest first.</param>
/// <param name="Stages">For each stage held by a live version (None excepted), the highest version in it.</param>
/// <param name="HeadlineMetrics">The metrics the version table shows (those most versions report, at most three).</param>
/// <param name="Charts">Each metric across the live versions, a series per split.</param>
/// <param name="Timeline">Which version held each stage when, oldest first.</param>
/// <param name="Diffs">Each live version against the previous live one.</param>
/// <param name="LastChange">The model's newest audit event, or null.</param>
public sealed record ModelPage(
    string Name,
    ModelState State,
    IReadOnlyList<VersionPage> Versions,
    IReadOnlyDictionary<string, int> Stages,
    IReadOnlyList<string> HeadlineMetrics,
    IReadOnlyList<MetricHistory> Charts,
    IReadOnlyList<StageSpan> Timeline,
    IReadOnlyList<VersionDiff> Diffs,
    AuditEntry? LastChange)
{
    /// <summary>The version in Production (the highest, if several), or null.</summary>
    public int? Production => Holder("Production");

    /// <summary>The version in Staging (the highest, if several), or null.</summary>
    public int? Staging => Holder("Staging");

    private int? Holder(string stage) =>
        Stages.Where(s => s.Key.Equals(stage, StringComparison.OrdinalIgnoreCase)).Select(s => (int?)s.Value).Max();
}

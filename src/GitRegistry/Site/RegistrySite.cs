using GitRegistry.Policy;
using GitRegistry.Reading;
using GitRegistry.Trust;

namespace GitRegistry.Site;

/// <summary>
/// Everything the static site shows, read from a registry at its branch tip: each model with its versions,
/// stage holders, metric histories, stage timeline, comparisons and the verified audit trail.
/// </summary>
/// <param name="Name">The registry's name, from registry.yaml.</param>
/// <param name="CommitId">The commit the site was read at.</param>
/// <param name="GeneratedAt">When the site was read.</param>
/// <param name="Models">Every model, by name.</param>
public sealed record RegistrySite(string Name, string CommitId, DateTimeOffset GeneratedAt, IReadOnlyList<ModelPage> Models)
{
    private const int HeadlineMetricCount = 3;

    /// <summary>Reads the site's content from <paramref name="registry"/>: one verification of its history, then each model.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="generatedAt">The time the site says it was generated; now if not given.</param>
    /// <param name="useCache">Reuse verdicts on commits verified before (see <see cref="Registry.Verify"/>).</param>
    public static RegistrySite Read(Registry registry, DateTimeOffset? generatedAt = null, bool useCache = true)
    {
        var commit = registry.Head ?? throw new NotFoundException("the registry has no commits", "create it with gitreg init");
        // One pass over history serves every model's timeline, last change and events; oldest first from here on.
        var history = registry.Log(useCache: useCache).Reverse()
            .Select(e => new AuditEntry(e.Event, e.Passed, e.Problems))
            .Where(e => e.Event.Model is not null)
            .ToLookup(e => e.Event.Model!);
        var models = registry.ListModels()
            .Select(summary => ReadModel(registry, summary, history[summary.Name].ToList()))
            .ToList();
        return new RegistrySite(registry.Config.Name, commit, generatedAt ?? DateTimeOffset.UtcNow, models);
    }

    private static ModelPage ReadModel(Registry registry, ModelSummary summary, IReadOnlyList<AuditEntry> events)
    {
        var state = registry.GetModel(summary.Name);
        var infos = registry.ListVersions(summary.Name, includeDeleted: true).OrderBy(v => v.Version).ToList();
        var byVersion = events.Where(e => e.Event.Version is not null).ToLookup(e => e.Event.Version!.Value);
        var live = infos.Where(v => !v.IsDeleted).ToList();
        var previous = live.Zip(live.Skip(1)).ToDictionary(p => p.Second.Version, p => p.First.Version);

        var versions = infos.Select(info => new VersionPage(
                info,
                // Reading the approvals ledger costs a history walk: only for versions the audit trail shows approved.
                byVersion[info.Version].Any(e => e.Event.Kind == EventKind.Approved) ? registry.Approvals(summary.Name, info.Version) : Array.Empty<VerifiedApproval>(),
                byVersion[info.Version].ToList(),
                previous.TryGetValue(info.Version, out var p) ? p : null))
            .ToList();

        return new ModelPage(
            summary.Name,
            state,
            versions,
            summary.Stages,
            HeadlineMetrics(live),
            Charts(live),
            Timeline(events),
            live.Zip(live.Skip(1)).Select(p => VersionDiff.Between(p.First, p.Second)).ToList(),
            events.Count == 0 ? null : events[^1]);
    }

    /// <summary>The metric names most versions report (any split), most common first, then by name.</summary>
    private static List<string> HeadlineMetrics(IReadOnlyList<ModelVersionInfo> live) =>
        live.SelectMany(v => v.Manifest.Metrics.Values.SelectMany(split => split.Keys).Distinct())
            .GroupBy(name => name)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(HeadlineMetricCount)
            .Select(g => g.Key)
            .ToList();

    private static List<MetricHistory> Charts(IReadOnlyList<ModelVersionInfo> live)
    {
        var values = live.SelectMany(v => v.Manifest.Metrics.SelectMany(split => split.Value.Select(m => (Metric: m.Key, Split: split.Key, Point: new MetricPoint(v.Version, m.Value)))));
        return values.GroupBy(x => x.Metric).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(metric => new MetricHistory(metric.Key, metric.GroupBy(x => x.Split).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(split => new MetricSeries(split.Key, split.Select(x => x.Point).OrderBy(p => p.Version).ToList()))
                .ToList()))
            .ToList();
    }

    /// <summary>Replays the model's stage moves, oldest first, into who held which stage when.</summary>
    private static List<StageSpan> Timeline(IReadOnlyList<AuditEntry> events)
    {
        var spans = new List<StageSpan>();
        var open = new Dictionary<int, StageSpan>();
        foreach (var entry in events)
        {
            var e = entry.Event;
            if (e.Version is not { } version)
            {
                continue;
            }
            var entered = e.Kind switch
            {
                EventKind.Transitioned or EventKind.ArchivedByPromotion => e.ToStage,
                EventKind.Deleted => StageName.None,
                _ => null,
            };
            // A move into the stage the version already holds (archive-existing re-run) does not start a new stretch.
            if (entered is null || (open.TryGetValue(version, out var current) && current.Stage.Equals(entered, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            if (open.Remove(version, out var held))
            {
                spans.Add(held with { To = e.Time, Verified = held.Verified && entry.IsVerified });
            }
            if (!entered.Equals(StageName.None, StringComparison.OrdinalIgnoreCase) && !entered.Equals(StageName.Archived, StringComparison.OrdinalIgnoreCase))
            {
                open[version] = new StageSpan(entered, version, e.Time, null, entry.IsVerified);
            }
        }
        spans.AddRange(open.Values);
        return spans.OrderBy(s => s.From).ThenBy(s => s.Version).ToList();
    }
}

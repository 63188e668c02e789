using GitRegistry.Reading;

namespace GitRegistry.Site;

/// <summary>Two versions of a model side by side: their parameters and metrics, with what changed.</summary>
/// <param name="Older">The version compared from.</param>
/// <param name="Newer">The version compared to.</param>
/// <param name="Params">Every parameter either version has, by name.</param>
/// <param name="Metrics">Every metric on every split either version has, by split then metric.</param>
public sealed record VersionDiff(ModelVersionInfo Older, ModelVersionInfo Newer, IReadOnlyList<DiffRow> Params, IReadOnlyList<DiffRow> Metrics)
{
    /// <summary>Compares <paramref name="older"/> with <paramref name="newer"/>.</summary>
    public static VersionDiff Between(ModelVersionInfo older, ModelVersionInfo newer)
    {
        var a = older.Manifest;
        var b = newer.Manifest;
        var parameters = a.Params.Keys.Union(b.Params.Keys).Order(StringComparer.Ordinal)
            .Select(k => new DiffRow(k,
                a.Params.TryGetValue(k, out var o) ? SiteText.Value(o) : null,
                b.Params.TryGetValue(k, out var n) ? SiteText.Value(n) : null))
            .ToList();
        var metrics = new List<DiffRow>();
        foreach (var split in a.Metrics.Keys.Union(b.Metrics.Keys).Order(StringComparer.Ordinal))
        {
            var oldSplit = a.Metrics.GetValueOrDefault(split);
            var newSplit = b.Metrics.GetValueOrDefault(split);
            var names = (oldSplit?.Keys ?? Enumerable.Empty<string>()).Union(newSplit?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                double? o = oldSplit is not null && oldSplit.TryGetValue(name, out var ov) ? ov : null;
                double? n = newSplit is not null && newSplit.TryGetValue(name, out var nv) ? nv : null;
                metrics.Add(new DiffRow($"{split}.{name}", o is null ? null : SiteText.Number(o.Value), n is null ? null : SiteText.Number(n.Value),
                    o is not null && n is not null ? n - o : null));
            }
        }
        return new VersionDiff(older, newer, parameters, metrics);
    }
}

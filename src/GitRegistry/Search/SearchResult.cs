namespace GitRegistry.Search;

/// <summary>What a search found.</summary>
/// <param name="Hits">The versions, ordered, at most max-results of them.</param>
/// <param name="Matches">How many versions matched in all (more than <paramref name="Hits"/> when cut at max-results).</param>
/// <param name="Searched">How many versions were searched.</param>
/// <param name="Indexed">How many manifests were read into the search index this time (0 when it was up to date).</param>
/// <param name="Elapsed">How long the search took.</param>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Matches, int Searched, int Indexed, TimeSpan Elapsed);

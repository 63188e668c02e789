using System.Diagnostics;
using GitRegistry.Search;

namespace GitRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Finds the versions that match a filter in MLflow's model-version grammar (<c>name = 'churn'</c>,
    /// <c>name LIKE 'churn%'</c>, <c>version_number &gt; 3</c>, <c>run_id IN ('a', 'b')</c>, <c>tags.team = 'growth'</c>),
    /// extended with <c>params.KEY</c>, <c>metrics.SPLIT.METRIC</c>, <c>stage</c>, <c>alias</c>, <c>data.sha256</c>,
    /// <c>created_at</c> and more (docs/search.md). Reads the search index in the git directory, updating it for
    /// what changed since, so that repeated searches over a large registry stay fast.
    /// </summary>
    public SearchResult Search(SearchOptions options)
    {
        var clock = Stopwatch.StartNew();
        var filter = SearchFilter.Parse(options.Filter);
        var order = options.OrderBy.Count == 0 ? SearchOrder.Default : options.OrderBy.Select(SearchOrder.Parse).ToList();
        if (options.MaxResults < 1)
        {
            throw new RegistryException(ErrorKind.Usage, $"max-results is {options.MaxResults}", "give a positive number");
        }

        var path = Path.Combine(GitDirectory, "gitreg", "search-index");
        var index = SearchIndex.Load(path);
        index.Update(_repository.Snapshot());
        if (index.Changed)
        {
            index.Save(path);
        }
        var test = SearchPredicate.Compile(filter);
        var matches = new List<SearchSort.Match>();
        var searched = 0;
        foreach (var segment in index.Segments)
        {
            var rows = test(segment);
            for (var row = 0; row < segment.Rows; row++)
            {
                if (!options.IncludeDeleted && segment.Deleted[row])
                {
                    continue;
                }
                searched++;
                if (rows(row))
                {
                    matches.Add(new SearchSort.Match(segment, row));
                }
            }
        }
        var hits = SearchSort.Sort(matches, order).Take(options.MaxResults).Select(m =>
        {
            var r = m.Segment.RowAlone(m.Row);
            return new SearchHit
            {
                Name = m.Segment.Name,
                Version = r.Version,
                Stage = r.Stage,
                Aliases = r.Aliases,
                CreatedAt = r.CreatedAt,
                CreatedBy = r.CreatedBy,
                Description = r.Description,
                RunId = r.RunId,
                ArtifactUri = r.ArtifactUri,
                CodeCommit = r.CodeCommit,
                DataSha256 = r.DataSha,
                Deleted = r.Deleted,
                Tags = r.Tags.ToDictionary(t => t.Key, t => t.Value),
                Params = r.Params.ToDictionary(p => p.Key, p => p.Value),
                Metrics = r.Metrics.ToDictionary(p => p.Key, p => p.Value),
            };
        }).ToList();
        return new SearchResult(hits, matches.Count, searched, index.Parsed, clock.Elapsed);
    }
}

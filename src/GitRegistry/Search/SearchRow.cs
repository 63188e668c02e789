namespace GitRegistry.Search;

/// <summary>
/// One version as the search index keeps it: the fields filters compare, from its manifest (immutable, so kept by
/// blob id across index updates) and from model.yaml (stage, aliases, tags, description). Tag, param and metric
/// keys are numbers into the index's key table, so that a condition looks its key up once, not per row.
/// </summary>
internal sealed class SearchRow
{
    public required string Name { get; init; }
    public required int Version { get; init; }
    public required byte[] ManifestBlob { get; init; }
    public required string CreatedAt { get; init; }
    public required long CreatedTicks { get; init; }
    public required string CreatedBy { get; init; }
    public string? ManifestDescription { get; init; }
    public string? RunId { get; init; }
    public required string ArtifactUri { get; init; }
    public required string ArtifactSha { get; init; }
    public required string ArtifactFormat { get; init; }
    public required long ArtifactSize { get; init; }
    public string? DataSha { get; init; }
    public string? DataCutoff { get; init; }
    public string? DataSource { get; init; }
    public long? DataRows { get; init; }
    public string? CodeCommit { get; init; }
    public string? PreprocessingVersion { get; init; }
    public string? PreprocessingCommit { get; init; }
    public required KeyValuePair<int, object>[] Params { get; init; }
    public required KeyValuePair<int, double>[] Metrics { get; init; }

    // State from model.yaml.
    public string Stage { get; set; } = StageName.None;
    public string[] Aliases { get; set; } = [];
    public KeyValuePair<int, string>[] Tags { get; set; } = [];
    public string? StateDescription { get; set; }
    public bool Deleted { get; set; }

    public string? Description => StateDescription ?? ManifestDescription;

    public string? Text(string key) => key switch
    {
        "data.sha256" => DataSha,
        "data.cutoff" => DataCutoff,
        "data.source" => DataSource,
        "preprocessing.version" => PreprocessingVersion,
        "preprocessing.code_commit" => PreprocessingCommit,
        "artifact.sha256" => ArtifactSha,
        "artifact.format" => ArtifactFormat,
        _ => null,
    };

    public double? Number(string key) => key switch
    {
        "data.rows" => DataRows,
        "artifact.size" => ArtifactSize,
        _ => null,
    };

    public object? Param(int key)
    {
        foreach (var pair in Params)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }
        return null;
    }

    public double? Metric(int key)
    {
        foreach (var pair in Metrics)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }
        return null;
    }

    public string? Tag(int key)
    {
        foreach (var pair in Tags)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }
        return null;
    }
}

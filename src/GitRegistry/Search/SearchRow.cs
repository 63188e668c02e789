namespace GitRegistry.Search;

/// <summary>
/// One version with every field a search compares: from its manifest (immutable, so reused by blob id when the
/// index is updated) and from model.yaml (stage, aliases, tags, description). The index stores rows by column
/// (<see cref="IndexSegment"/>); whole rows are built only to update the index and for the hits a search returns.
/// </summary>
internal sealed class SearchRow
{
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
    public required KeyValuePair<string, object>[] Params { get; init; }
    public required KeyValuePair<string, double>[] Metrics { get; init; }

    // State from model.yaml.
    public string Stage { get; set; } = StageName.None;
    public string[] Aliases { get; set; } = [];
    public KeyValuePair<string, string>[] Tags { get; set; } = [];
    public string? StateDescription { get; set; }
    public bool Deleted { get; set; }

    public string? Description => StateDescription ?? ManifestDescription;
}

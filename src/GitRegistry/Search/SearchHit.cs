namespace GitRegistry.Search;

/// <summary>A version a search found, with the fields a listing shows (the whole manifest is one <see cref="Registry.GetVersion"/> away).</summary>
public sealed class SearchHit
{
    /// <summary>The model's name.</summary>
    public required string Name { get; init; }

    /// <summary>The version number.</summary>
    public required int Version { get; init; }

    /// <summary>The current stage.</summary>
    public required string Stage { get; init; }

    /// <summary>Aliases pointing at it.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>When it was registered (or created in the source it was imported from), UTC.</summary>
    public required string CreatedAt { get; init; }

    /// <summary>The registrant's e-mail.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>The current description.</summary>
    public string? Description { get; init; }

    /// <summary>The training run's id.</summary>
    public string? RunId { get; init; }

    /// <summary>The artifact's URI.</summary>
    public required string ArtifactUri { get; init; }

    /// <summary>The training code's commit.</summary>
    public string? CodeCommit { get; init; }

    /// <summary>The training data's sha256.</summary>
    public string? DataSha256 { get; init; }

    /// <summary>True when the version is deleted (only with <see cref="SearchOptions.IncludeDeleted"/>).</summary>
    public bool Deleted { get; init; }

    /// <summary>The current tags.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>The hyperparameters.</summary>
    public required IReadOnlyDictionary<string, object> Params { get; init; }

    /// <summary>The metrics, by <c>SPLIT.METRIC</c>.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
}

namespace GitRegistry.Manifests;

/// <summary>The training run a version came from, in an experiment tracker.</summary>
public sealed class RunInfo
{
    /// <summary>The run's id.</summary>
    public required string Id { get; init; }

    /// <summary>A link to the run, if any.</summary>
    public string? Uri { get; init; }
}

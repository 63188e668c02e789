namespace GitRegistry.Locking;

/// <summary>What to restore, from where, and how to treat the lock.</summary>
public sealed class RestoreOptions
{
    /// <summary>The lock file (<c>models.lock.json</c> next to the project).</summary>
    public required string LockPath { get; init; }

    /// <summary>The registry: a local clone or bare repository path, or a git remote URL.</summary>
    public required string Registry { get; init; }

    /// <summary>What the project asks for, one model URI per model. Null: the requests the lock already holds (for <c>gitreg lock update</c>).</summary>
    public IReadOnlyList<ModelUri>? Requests { get; init; }

    /// <summary>How to treat the lock.</summary>
    public LockMode Mode { get; init; } = LockMode.Default;

    /// <summary>With <see cref="LockMode.Update"/>: the models to update (others keep their locked version); null or empty for all.</summary>
    public IReadOnlyCollection<string>? UpdateOnly { get; init; }

    /// <summary>The cache folder; default <see cref="ArtifactCache.DefaultRoot"/>.</summary>
    public string? CacheRoot { get; init; }

    /// <summary>When false, only the lock is written: no artifact is fetched or checked.</summary>
    public bool FetchArtifacts { get; init; } = true;

    /// <summary>Where to write <c>NAME/manifest.json</c> for the runtime, or null to write none.</summary>
    public string? ManifestDirectory { get; init; }
}

namespace GitRegistry.Manifests;

/// <summary>The pinned inference dependencies of a version: the content of a lock or requirements file.</summary>
public sealed class Dependencies
{
    /// <summary>The file the dependencies came from, e.g. <c>requirements.txt</c>, <c>conda.yaml</c>, <c>packages.lock.json</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>sha256 of the file's content.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The file's content, when it is kept in the manifest.</summary>
    public string? Content { get; init; }
}

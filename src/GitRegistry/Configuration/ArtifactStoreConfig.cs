namespace GitRegistry.Configuration;

/// <summary>Where new artifacts are stored.</summary>
public sealed class ArtifactStoreConfig
{
    /// <summary>The store's type; <c>local</c> is a content-addressed folder and needs no setup.</summary>
    public string Type { get; init; } = "local";

    /// <summary>For a local store: its folder, absolute or relative to the registry's git directory. Default: <c>gitreg/artifacts</c> inside the git directory.</summary>
    public string? Path { get; init; }
}

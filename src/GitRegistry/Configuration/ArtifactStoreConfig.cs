namespace GitRegistry.Configuration;

/// <summary>Where new artifacts are stored (<c>artifact_store</c> in registry.yaml). Reads follow each manifest's URI.</summary>
public sealed class ArtifactStoreConfig
{
    /// <summary>
    /// The store's type: <c>local</c> (a content-addressed folder, no setup), <c>file</c> (a content-addressed
    /// folder on a shared drive, recorded as <c>file://</c> URIs) or <c>http</c> (read only: artifacts published elsewhere).
    /// </summary>
    public string Type { get; init; } = "local";

    /// <summary>
    /// For a local store: its folder, absolute or relative to the registry's git directory (default:
    /// <c>gitreg/artifacts</c> inside the git directory). For a file store: the shared folder (required).
    /// </summary>
    public string? Path { get; init; }

    /// <summary>For an http store: the base URL the bearer token is sent to; other URLs are read without it.</summary>
    public string? Url { get; init; }

    /// <summary>For an http store: the name of the environment variable holding a bearer token (the token itself never goes in the file).</summary>
    public string? TokenVariable { get; init; }
}

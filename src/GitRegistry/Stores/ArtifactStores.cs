using GitRegistry.Configuration;

namespace GitRegistry.Stores;

/// <summary>
/// Chooses stores: the one registry.yaml names for new artifacts, and for reading, the one each URI's scheme names
/// (<c>cas://</c>, <c>file://</c>, <c>http(s)://</c>), configured from registry.yaml when it is that type.
/// </summary>
internal static class ArtifactStores
{
    /// <summary>The store new artifacts go to.</summary>
    public static IArtifactStore ForNewArtifacts(ArtifactStoreConfig config, string gitDirectory) => config.Type switch
    {
        "local" => Local(config, gitDirectory),
        "file" => new FileArtifactStore(config.Path ?? throw new RegistryException(ErrorKind.Validation,
            "registry.yaml's artifact_store has type file but no path", "add the shared folder: artifact_store: {type: file, path: /mnt/models/registry}")),
        "http" => Http(config),
        "azblob" => new AzureBlobArtifactStore(config),
        "s3" => new S3ArtifactStore(config),
        var other => throw new RegistryException(ErrorKind.Validation, $"registry.yaml names an unknown artifact_store type '{other}'", "use one of: local, file, http, azblob, s3"),
    };

    /// <summary>The store that reads <paramref name="uri"/>.</summary>
    public static IArtifactStore ForUri(string uri, ArtifactStoreConfig config, string gitDirectory)
    {
        var scheme = uri.IndexOf("://", StringComparison.Ordinal) is > 0 and var end ? uri[..end].ToLowerInvariant() : "";
        return scheme switch
        {
            "cas" => Local(config.Type == "local" ? config : new ArtifactStoreConfig(), gitDirectory),
            "file" => config.Type == "file" ? new FileArtifactStore(config.Path) : new FileArtifactStore(null),
            "azblob" => new AzureBlobArtifactStore(config),
            "s3" => new S3ArtifactStore(config),
            "https" when AzureBlobArtifactStore.IsBlobUrl(uri) => new AzureBlobArtifactStore(config),
            "http" or "https" => config.Type == "http" ? Http(config) : new HttpArtifactStore(),
            _ => throw new RegistryException(ErrorKind.Artifact, $"no artifact store reads '{uri}'",
                "artifact URIs this version of gitreg reads: cas://sha256/HEX (local store), file:///path, https://host/path, azblob://account/container/path, s3://bucket/key"),
        };
    }

    /// <summary>The local content-addressed store: GITREG_ARTIFACT_STORE, else artifact_store.path, else inside the git directory.</summary>
    public static LocalArtifactStore Local(ArtifactStoreConfig config, string gitDirectory)
    {
        var path = Environment.GetEnvironmentVariable(Registry.ArtifactStoreVariable);
        if (string.IsNullOrEmpty(path))
        {
            path = config.Type == "local" && config.Path is { } configured
                ? System.IO.Path.Combine(gitDirectory, configured)
                : System.IO.Path.Combine(gitDirectory, "gitreg", "artifacts");
        }
        return new LocalArtifactStore(path);
    }

    private static HttpArtifactStore Http(ArtifactStoreConfig config) => new(config.Url, config.TokenVariable);
}

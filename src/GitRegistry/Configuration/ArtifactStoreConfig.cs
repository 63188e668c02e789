namespace GitRegistry.Configuration;

/// <summary>Where new artifacts are stored (<c>artifact_store</c> in registry.yaml). Reads follow each manifest's URI.</summary>
public sealed class ArtifactStoreConfig
{
    /// <summary>
    /// The store's type: <c>local</c> (a content-addressed folder, no setup), <c>file</c> (a content-addressed
    /// folder on a shared drive, recorded as <c>file://</c> URIs), <c>http</c> (read only: artifacts published
    /// elsewhere), <c>azblob</c> (Azure Blob Storage) or <c>s3</c> (S3 and S3-compatible stores).
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

    /// <summary>For an azblob store: the storage account name.</summary>
    public string? Account { get; init; }

    /// <summary>For an azblob store: the container new artifacts go to.</summary>
    public string? Container { get; init; }

    /// <summary>For azblob and s3 stores: a folder inside the container or bucket that new artifacts go under.</summary>
    public string? Prefix { get; init; }

    /// <summary>For azblob and s3 stores: the service URL, for emulators, S3-compatible servers and sovereign clouds.</summary>
    public string? Endpoint { get; init; }

    /// <summary>For an azblob store: the name of the environment variable holding a connection string (else the standard Azure credential sources).</summary>
    public string? ConnectionStringVariable { get; init; }

    /// <summary>For an s3 store: the bucket new artifacts go to.</summary>
    public string? Bucket { get; init; }

    /// <summary>For an s3 store: the AWS region (default: from the environment or profile; us-east-1 with a custom endpoint).</summary>
    public string? Region { get; init; }

    /// <summary>For an s3 store: address buckets as <c>endpoint/bucket</c> rather than <c>bucket.endpoint</c>, as most S3-compatible servers want.</summary>
    public bool? ForcePathStyle { get; init; }
}

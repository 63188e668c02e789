namespace GitRegistry.Stores;

/// <summary>
/// A content-addressed folder on a shared drive, for teams: the same <c>sha256/ab/abcdef...</c> layout and atomic
/// writes as the local store, but the manifest records a <c>file://</c> URI that every machine mounting the share
/// can read. Reads accept any <c>file://</c> URI, so an artifact kept elsewhere on a share can be registered too.
/// </summary>
public sealed class FileArtifactStore : IArtifactStore
{
    private readonly ContentAddressedFolder? _folder;

    /// <summary>A store that writes under <paramref name="root"/> (a path or a <c>file://</c> URI); null reads only.</summary>
    public FileArtifactStore(string? root)
    {
        if (root is not null)
        {
            _folder = new ContentAddressedFolder(root.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(root).LocalPath : root);
        }
    }

    /// <summary>The folder new artifacts go to, or null for a read-only store.</summary>
    public string? Root => _folder?.Root;

    /// <inheritdoc/>
    public bool CanRead(string uri) => uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public StoredArtifact Put(string sourceFile, IProgress<long>? progress = null)
    {
        if (_folder is null)
        {
            throw new RegistryException(ErrorKind.Usage, "no file store folder is configured to write to",
                "set artifact_store.path in registry.yaml to the shared folder, e.g. artifact_store: {type: file, path: /mnt/models}");
        }
        var (sha256, size) = _folder.Put(sourceFile, progress);
        return new StoredArtifact(new Uri(_folder.BlobPath(sha256)).AbsoluteUri, sha256, size);
    }

    /// <inheritdoc/>
    public void Fetch(string uri, string sha256, long size, string destinationFile, IProgress<long>? progress = null)
    {
        var path = Existing(uri);
        VerifiedTransfer.ToFile(Retry, () => Open(path), uri, sha256, size, destinationFile, progress);
    }

    /// <inheritdoc/>
    public StoredArtifact Measure(string uri, IProgress<long>? progress = null)
    {
        var path = Existing(uri);
        var (sha256, size) = VerifiedTransfer.Measure(Retry, uri, () => Open(path), progress);
        return new StoredArtifact(uri, sha256, size);
    }

    // A share can drop for a moment (SMB/NFS reconnects); a missing file or a denied read cannot be waited out.
    private static Polly.ResiliencePipeline Retry => VerifiedTransfer.Retry(e =>
        e is IOException and not FileNotFoundException and not DirectoryNotFoundException);

    private static string Existing(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            throw new RegistryException(ErrorKind.Usage, $"'{uri}' is not a file:// URI", "a file URI reads file:///absolute/path/to/model.onnx");
        }
        var path = parsed.LocalPath;
        if (!File.Exists(path))
        {
            throw new RegistryException(ErrorKind.Artifact, $"the artifact {uri} was not found: no file at {path}",
                "check that the shared drive is mounted at the same path on this machine, and that the file was not moved");
        }
        return path;
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new RegistryException(ErrorKind.Artifact, $"access to {path} was denied", "ask for read access to the shared folder", e);
        }
    }
}

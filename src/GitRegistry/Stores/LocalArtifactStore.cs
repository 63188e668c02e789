namespace GitRegistry.Stores;

/// <summary>
/// The embedded default: a content-addressed folder, <c>sha256/ab/abcdef...</c>. Writes go to a temporary
/// file in the store and are renamed into place, so a crash never leaves a file under a hash it does not have;
/// identical artifacts are stored once. URIs read <c>cas://sha256/HEX</c>.
/// </summary>
public sealed class LocalArtifactStore : IArtifactStore
{
    /// <summary>The URI prefix of artifacts in a local store.</summary>
    public const string UriPrefix = "cas://sha256/";

    /// <summary>Opens (and if needed creates) a store rooted at <paramref name="root"/>.</summary>
    public LocalArtifactStore(string root) => Root = Path.GetFullPath(root);

    /// <summary>The store's folder.</summary>
    public string Root { get; }

    /// <summary>The path of the blob with this hash.</summary>
    public string BlobPath(string sha256) => Path.Combine(Root, "sha256", sha256[..2], sha256);

    /// <inheritdoc/>
    public bool CanRead(string uri) => uri.StartsWith(UriPrefix, StringComparison.Ordinal);

    /// <inheritdoc/>
    public StoredArtifact Put(string sourceFile, IProgress<long>? progress = null)
    {
        var temp = Path.Combine(Root, "tmp");
        Directory.CreateDirectory(temp);
        var partial = Path.Combine(temp, Guid.NewGuid().ToString("N") + ".partial");
        try
        {
            string sha256;
            long size;
            using (var source = OpenSource(sourceFile))
            {
                (sha256, size) = HashingCopy.ToFile(source, partial, progress);
            }
            var blob = BlobPath(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
            if (File.Exists(blob))
            {
                File.Delete(partial);
            }
            else
            {
                File.Move(partial, blob, overwrite: true);
            }
            return new StoredArtifact(UriPrefix + sha256, sha256, size);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <inheritdoc/>
    public void Fetch(string uri, string sha256, long size, string destinationFile, IProgress<long>? progress = null)
    {
        if (!CanRead(uri) || uri[UriPrefix.Length..] != sha256)
        {
            throw new RegistryException(ErrorKind.Artifact, $"'{uri}' is not the local store's URI for sha256 {sha256}", "the manifest's artifact uri and sha256 disagree; re-register the model");
        }
        var blob = BlobPath(sha256);
        if (!File.Exists(blob))
        {
            throw new RegistryException(ErrorKind.Artifact, $"the artifact {uri} is not in the local store at {Root}",
                "register the model from this machine, or point the registry's artifact_store (or GITREG_ARTIFACT_STORE) at the store that holds it");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destinationFile))!);
        var partial = destinationFile + ".partial";
        File.Delete(partial);
        try
        {
            string actual;
            long actualSize;
            using (var source = new FileStream(blob, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20))
            {
                (actual, actualSize) = HashingCopy.ToFile(source, partial, progress);
            }
            if (actual != sha256 || actualSize != size)
            {
                throw new RegistryException(ErrorKind.Artifact,
                    $"the artifact {uri} is corrupt: its bytes hash to {actual} ({actualSize} bytes), the manifest says {sha256} ({size} bytes)",
                    $"delete {blob} and register the model again from its original file");
            }
            File.Move(partial, destinationFile, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static FileStream OpenSource(string path)
    {
        if (Directory.Exists(path))
        {
            throw new RegistryException(ErrorKind.Usage, $"'{path}' is a folder; an artifact is one file", "pack the folder into one archive (e.g. zip) and register that");
        }
        if (!File.Exists(path))
        {
            throw new RegistryException(ErrorKind.NotFound, $"the artifact file '{path}' does not exist", "check the path given to --artifact");
        }
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
    }
}

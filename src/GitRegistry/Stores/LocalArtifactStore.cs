using Polly;

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

    private readonly ContentAddressedFolder _folder;

    /// <summary>Opens (and if needed creates) a store rooted at <paramref name="root"/>.</summary>
    public LocalArtifactStore(string root) => _folder = new ContentAddressedFolder(root);

    /// <summary>The store's folder.</summary>
    public string Root => _folder.Root;

    internal ContentAddressedFolder Folder => _folder;

    /// <summary>The path of the blob with this hash.</summary>
    public string BlobPath(string sha256) => _folder.BlobPath(sha256);

    /// <inheritdoc/>
    public bool CanRead(string uri) => uri.StartsWith(UriPrefix, StringComparison.Ordinal);

    /// <inheritdoc/>
    public StoredArtifact Put(string sourceFile, IProgress<long>? progress = null)
    {
        var (sha256, size) = _folder.Put(sourceFile, progress);
        return new StoredArtifact(UriPrefix + sha256, sha256, size);
    }

    /// <inheritdoc/>
    public void Fetch(string uri, string sha256, long size, string destinationFile, IProgress<long>? progress = null)
    {
        if (!CanRead(uri) || uri[UriPrefix.Length..] != sha256)
        {
            throw new RegistryException(ErrorKind.Artifact, $"'{uri}' is not the local store's URI for sha256 {sha256}", "the manifest's artifact uri and sha256 disagree; re-register the model");
        }
        var blob = Existing(uri);
        VerifiedTransfer.ToFile(ResiliencePipeline.Empty, () => OpenBlob(blob), uri, sha256, size, destinationFile, progress,
            $"delete {blob} and register the model again from its original file");
    }

    /// <inheritdoc/>
    public StoredArtifact Measure(string uri, IProgress<long>? progress = null)
    {
        var blob = Existing(uri);
        var (sha256, size) = VerifiedTransfer.Measure(ResiliencePipeline.Empty, uri, () => OpenBlob(blob), progress);
        return new StoredArtifact(uri, sha256, size);
    }

    private string Existing(string uri)
    {
        var hash = CanRead(uri) ? uri[UriPrefix.Length..] : "";
        if (!ContentAddressedFolder.IsSha256(hash))
        {
            throw new RegistryException(ErrorKind.Usage, $"'{uri}' is not a local store URI", $"a local store URI reads {UriPrefix}<64 lowercase hex digits>");
        }
        var blob = BlobPath(hash);
        if (!File.Exists(blob))
        {
            throw new RegistryException(ErrorKind.Artifact, $"the artifact {uri} is not in the local store at {Root}",
                "register the model from this machine, or point the registry's artifact_store (or GITREG_ARTIFACT_STORE) at the store that holds it");
        }
        return blob;
    }

    private static FileStream OpenBlob(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
}

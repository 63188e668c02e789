using System.Text.RegularExpressions;
using GitRegistry.Registration;
using GitRegistry.Storage;
using GitRegistry.Stores;

namespace GitRegistry;

public sealed partial class Registry
{
    /// <summary>Blobs younger than this are kept by gc: a registration stores its artifact before it commits.</summary>
    public static readonly TimeSpan GarbageGracePeriod = TimeSpan.FromHours(1);

    /// <summary>
    /// Lists (and unless <paramref name="dryRun"/>, removes) the blobs of the local store that no manifest on any
    /// branch or tag references, and temporary files of interrupted writes. Blobs younger than
    /// <see cref="GarbageGracePeriod"/> are kept, so a registration in progress never loses its artifact.
    /// </summary>
    public GarbageCollection CollectGarbage(bool dryRun)
    {
        if (Config.ArtifactStore.Type != "local")
        {
            throw new RegistryException(ErrorKind.Usage, $"gc cleans the local artifact store only; this registry stores artifacts in a {Config.ArtifactStore.Type} store",
                "a shared store may hold other registries' artifacts; clean it with that store's own lifecycle rules");
        }
        var store = ArtifactStores.Local(Config.ArtifactStore, GitDirectory);
        var referenced = ReferencedHashes();
        var cutoff = DateTime.UtcNow - GarbageGracePeriod;
        var garbage = store.Folder.Blobs()
            .Where(blob => !referenced.Contains(blob.Name) && blob.LastWriteTimeUtc < cutoff)
            .Concat(store.Folder.Partials().Where(partial => partial.LastWriteTimeUtc < cutoff))
            .Select(file => new UnreferencedBlob(file.FullName, ContentAddressedFolder.IsSha256(file.Name) ? file.Name : null, file.Length))
            .OrderBy(blob => blob.Path, StringComparer.Ordinal)
            .ToList();
        if (!dryRun)
        {
            foreach (var blob in garbage)
            {
                File.Delete(blob.Path);
            }
        }
        return new GarbageCollection(store.Root, garbage, referenced.Count, Removed: !dryRun);
    }

    // Every 64-hex-digit string in any manifest on any ref: the artifact's sha256 and, harmlessly, the data's.
    private HashSet<string> ReferencedHashes()
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snapshot in _repository.EveryRefSnapshot())
        {
            foreach (var model in snapshot.List(RegistryPaths.Models, folders: true))
            {
                var folder = RegistryPaths.VersionsFolder(model);
                foreach (var file in snapshot.List(folder, folders: false))
                {
                    if (snapshot.ReadFile($"{folder}/{file}") is { } text)
                    {
                        hashes.UnionWith(Sha256Pattern().Matches(text).Select(m => m.Value.ToLowerInvariant()));
                    }
                }
            }
        }
        return hashes;
    }

    [GeneratedRegex("(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])")]
    private static partial Regex Sha256Pattern();

    // A file goes to the configured store; a URI is read once where it is, to hash it (and check a given sha256).
    private StoredArtifact StoreArtifact(RegistrationRequest request)
    {
        if (request.ArtifactPath is { } path)
        {
            return ArtifactStore().Put(path, request.Progress);
        }
        var uri = request.ArtifactUri!;
        var measured = ArtifactStoreFor(uri).Measure(uri, request.Progress);
        if (request.Sha256 is { } expected && !expected.Equals(measured.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new RegistryException(ErrorKind.Artifact,
                $"the artifact {uri} hashes to {measured.Sha256} ({measured.Size} bytes), not the given sha256 {expected}",
                "check that the URI points at the intended file and that it was uploaded completely; nothing was registered");
        }
        return measured;
    }
}

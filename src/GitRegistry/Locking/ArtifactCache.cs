using GitRegistry.Reading;
using GitRegistry.Stores;

namespace GitRegistry.Locking;

/// <summary>
/// The per-user, content-addressed cache builds restore into: artifacts by sha256 (<c>artifacts/sha256/ab/abcd...</c>,
/// the local store's layout), manifests by model, version and artifact hash, and mirrors of remote registries.
/// Default <c>~/.gitregistry/cache</c>; <c>GITREG_CACHE</c> moves it.
/// </summary>
public sealed class ArtifactCache
{
    /// <summary>The environment variable that moves the cache.</summary>
    public const string Variable = "GITREG_CACHE";

    private readonly LocalArtifactStore _artifacts;

    /// <summary>A cache rooted at <paramref name="root"/>.</summary>
    public ArtifactCache(string root)
    {
        Root = Path.GetFullPath(root);
        _artifacts = new LocalArtifactStore(Path.Combine(Root, "artifacts"));
    }

    /// <summary>The cache folder.</summary>
    public string Root { get; }

    /// <summary><c>$GITREG_CACHE</c>, else <c>~/.gitregistry/cache</c>.</summary>
    public static string DefaultRoot()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrEmpty(configured)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".gitregistry", "cache")
            : configured;
    }

    /// <summary>Where the artifact with this hash is (or goes).</summary>
    public string ArtifactPath(string sha256) => _artifacts.BlobPath(sha256);

    /// <summary>Where the manifest JSON of a version with this artifact is (or goes).</summary>
    public string ManifestPath(string name, int version, string sha256) =>
        Path.Combine(Root, "manifests", name, $"{version}-{sha256[..16]}.json");

    /// <summary>Hashes a cached artifact; null when it is not cached.</summary>
    public (string Sha256, long Size)? Check(string sha256)
    {
        var path = ArtifactPath(sha256);
        return File.Exists(path) ? HashingCopy.OfFile(path) : null;
    }

    /// <summary>Fetches a version's artifact from its registry into the cache (the fetch verifies its sha256); returns the cached path.</summary>
    public string Add(Registry registry, ModelVersionInfo version)
    {
        var sha256 = version.Manifest.Artifact.Sha256;
        var target = ArtifactPath(sha256);
        var staging = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        try
        {
            var fetched = registry.FetchArtifact(version, staging);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Builds of several projects may add the same bytes at once; equal content makes the last move harmless.
            File.Move(fetched, target, overwrite: true);
            return target;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Writes a file atomically (temp file, then rename) when its content differs; true when written.</summary>
    internal static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
        return true;
    }
}

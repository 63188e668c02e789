using System.Security.Cryptography;
using System.Text;
using GitRegistry.Locking;
using GitRegistry.Runtime;
using GitRegistry.Storage;

namespace GitRegistry.Serving;

/// <summary>
/// "Serving picks up the new Production on restart": resolves a model URI in a registry at startup and lays the version
/// out the way the build does (lock, manifest, artifact under a models folder in the cache), then loads it through
/// <see cref="RegisteredModels"/>, so the same sha256 checks apply. Uses the core library (and so libgit2): keep it
/// out of apps that serve only pinned models.
/// </summary>
public static class LiveModels
{
    /// <summary>
    /// Resolves <paramref name="modelUri"/> (e.g. <c>models:/churn_predictor/Production</c>) in <paramref name="registry"/>
    /// (a clone, a bare repository or a git URL) as it is now, and returns the model with its artifact verified.
    /// </summary>
    public static RegisteredModel Resolve(string registry, string modelUri, string? cacheRoot = null)
    {
        var uri = ModelRestore.ParseRequest(modelUri);
        var root = cacheRoot ?? ArtifactCache.DefaultRoot();
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{(RegistryLocation.IsRemote(registry) ? registry : Path.GetFullPath(registry))}\n{uri}")))[..16];
        var folder = Path.Combine(root, "live", key);
        var result = ModelRestore.Run(new RestoreOptions
        {
            LockPath = Path.Combine(folder, ModelsLock.FileName),
            Registry = registry,
            Requests = [uri],
            Mode = LockMode.Update,
            CacheRoot = root,
            ManifestDirectory = folder,
        });
        var restored = result.Models.Single();
        // A fresh copy from the verified cache each start: a stale or altered copy from an earlier start never survives.
        File.Copy(restored.ArtifactPath!, Path.Combine(folder, restored.Name, restored.Locked.Artifact.FileName), overwrite: true);
        return RegisteredModels.Open(folder).GetModel(restored.Name);
    }
}

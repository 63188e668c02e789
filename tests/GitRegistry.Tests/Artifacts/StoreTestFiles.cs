using System.Security.Cryptography;

namespace GitRegistry.Tests.Artifacts;

/// <summary>Artifacts for store tests: random bytes with their sha256, and registries configured for a store.</summary>
internal static class StoreTestFiles
{
    /// <summary>Makes retries quicker than the default 1 s (0.2 s, doubling: about 3 s over the four retries); call from every store test class.</summary>
    public static void UseShortRetryDelays() => GitRegistry.Stores.VerifiedTransfer.RetryDelay = TimeSpan.FromMilliseconds(200);

    public static (string Path, string Sha256, long Size) Random(string folder, string name, int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        var path = System.IO.Path.Combine(folder, name);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, bytes);
        return (path, Convert.ToHexStringLower(SHA256.HashData(bytes)), size);
    }

    /// <summary>Replaces registry.yaml's artifact_store section (committed by hand, as a maintainer would).</summary>
    public static void ConfigureStore(TestRegistry registry, string yaml) =>
        registry.EditByHand("registry.yaml", text => text.Replace("artifact_store:\n  type: local\n", "artifact_store:\n" + yaml));
}

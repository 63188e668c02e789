using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

/// <summary>What must hold for a registry after anything at all happened to a writer: checked with git and gitreg.</summary>
internal static class RegistryInvariants
{
    public static void AssertIntact(CliHarness user, string registry, string store)
    {
        user.GitIn(registry, "fsck", "--strict", "--no-dangling").ShouldSucceed();
        user.GitReg("--registry", registry, "validate").ShouldSucceed();

        // Every blob in the content-addressed store hashes to its name: no half-written file under a real hash.
        var blobs = Path.Combine(store, "sha256");
        if (Directory.Exists(blobs))
        {
            foreach (var file in Directory.EnumerateFiles(blobs, "*", SearchOption.AllDirectories))
            {
                using var stream = File.OpenRead(file);
                Assert.Equal(Path.GetFileName(file), Convert.ToHexStringLower(SHA256.HashData(stream)));
            }
        }

        // Every registered version's artifact is in the store.
        var models = (JArray)user.GitReg("--registry", registry, "--json", "models").ShouldSucceed().Json;
        foreach (var model in models)
        {
            var versions = (JArray)user.GitReg("--registry", registry, "--json", "versions", (string)model["name"]!).ShouldSucceed().Json;
            foreach (var version in versions)
            {
                var sha = (string)version["manifest"]!["artifact"]!["sha256"]!;
                Assert.True(File.Exists(Path.Combine(blobs, sha[..2], sha)), $"version {version["version"]} has no artifact in the store");
            }
        }
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using GitRegistry.Registration;

namespace GitRegistry.Tests.Artifacts;

/// <summary>
/// A 200 MB artifact goes into a store and comes back without ever being held in memory: the test samples the
/// process's working set while the transfer runs and asserts its growth stays far below the file size.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class LargeArtifactStoreTests(Azurite azurite) : IClassFixture<Azurite>, IDisposable
{
    internal const long Size = 200L * 1024 * 1024;
    internal const long AllowedGrowth = 64L * 1024 * 1024;

    private readonly TestRegistry _registry = TestRegistry.Create();

    [Fact]
    public void A_200_MB_artifact_round_trips_through_azure_blob_storage_without_loading_it_into_memory()
    {
        StoreTestFiles.UseShortRetryDelays();
        var variable = "GITREG_TEST_AZURE_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Environment.SetEnvironmentVariable(variable, azurite.ConnectionString);
        try
        {
            new Azure.Storage.Blobs.BlobContainerClient(azurite.ConnectionString, "large").CreateIfNotExists(cancellationToken: TestContext.Current.CancellationToken);
            StoreTestFiles.ConfigureStore(_registry, $"  type: azblob\n  container: large\n  connection_string_variable: {variable}\n");
            RoundTripThroughStore(_registry);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void A_200_MB_artifact_round_trips_through_the_local_store_and_over_http_without_loading_it_into_memory()
    {
        var (path, sha256) = LargeFile(Path.Combine(_registry.Folder, "big.onnx"));
        StoreTestFiles.UseShortRetryDelays();
        using var server = new LoopbackHttpServer();
        var url = server.Serve("big.onnx", path);

        var (stored, storeGrowth) = Sampled(() => _registry.Registry.Register(new RegistrationRequest { Name = "big", ArtifactPath = path }));
        var (fetched, fetchGrowth) = Sampled(() => _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/big/1"), Path.Combine(_registry.Folder, "out-local")));
        var (byUrl, urlGrowth) = Sampled(() => _registry.Registry.Register(new RegistrationRequest { Name = "big-http", ArtifactUri = url, Sha256 = sha256 }));
        var (overHttp, httpGrowth) = Sampled(() => _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/big-http/1"), Path.Combine(_registry.Folder, "out-http")));

        Assert.Equal((sha256, Size), (stored.Manifest.Artifact.Sha256, stored.Manifest.Artifact.Size));
        Assert.Equal((sha256, Size), (byUrl.Manifest.Artifact.Sha256, byUrl.Manifest.Artifact.Size));
        Assert.Equal(sha256, Sha256Of(fetched));
        Assert.Equal(sha256, Sha256Of(overHttp));
        Assert.All(new[] { storeGrowth, fetchGrowth, urlGrowth, httpGrowth }, growth => Assert.InRange(growth, long.MinValue, AllowedGrowth));
    }

    // Written in 1 MB chunks of random bytes, so the test itself never holds the file either.
    /// <summary>
    /// Registers a 200 MB file into the registry's configured store, deletes the original, fetches it back, and checks
    /// the bytes and that neither transfer grew the working set by more than <see cref="AllowedGrowth"/>.
    /// </summary>
    internal static void RoundTripThroughStore(TestRegistry registry)
    {
        var (path, sha256) = LargeFile(Path.Combine(registry.Folder, "big.onnx"));

        var (stored, uploadGrowth) = Sampled(() => registry.Registry.Register(new RegistrationRequest { Name = "big", ArtifactPath = path }));
        File.Delete(path);
        var (fetched, downloadGrowth) = Sampled(() => registry.Registry.FetchArtifact(registry.Registry.Resolve("models:/big/1"), Path.Combine(registry.Folder, "out")));

        Assert.Equal((sha256, Size), (stored.Manifest.Artifact.Sha256, stored.Manifest.Artifact.Size));
        Assert.Equal(sha256, Sha256Of(fetched));
        Assert.InRange(uploadGrowth, long.MinValue, AllowedGrowth);
        Assert.InRange(downloadGrowth, long.MinValue, AllowedGrowth);
    }

    internal static (string Path, string Sha256) LargeFile(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[1 << 20];
        using (var output = File.Create(path))
        {
            for (long written = 0; written < Size; written += chunk.Length)
            {
                RandomNumberGenerator.Fill(chunk);
                hash.AppendData(chunk);
                output.Write(chunk);
            }
        }
        return (path, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    internal static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    // The highest working set seen every 20 ms during the action, less the working set before it.
    internal static (T Result, long Growth) Sampled<T>(Func<T> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        long peak = before;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            using var self = Process.GetCurrentProcess();
            while (!done.Wait(20))
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
            }
        }) { IsBackground = true };
        sampler.Start();
        var result = action();
        done.Set();
        sampler.Join();
        return (result, peak - before);
    }

    public void Dispose() => _registry.Dispose();
}

using Amazon.Runtime;
using Amazon.S3;
using GitRegistry.Registration;
using GitRegistry.Tests.Testing;
using static GitRegistry.Tests.Artifacts.LargeArtifactStoreTests;

namespace GitRegistry.Tests.Artifacts;

/// <summary>
/// A 200 MB artifact through S3 (s3rver) as a multipart upload and a streamed download, with the working set
/// sampled as in <see cref="LargeArtifactStoreTests"/>. The AWS credential chain reads the process environment,
/// hence the environment-changing collection.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(ProcessEnvironment))]
public sealed class LargeS3ArtifactTests(S3rver s3) : IClassFixture<S3rver>, IDisposable
{
    private readonly TestRegistry _registry = TestRegistry.Create();

    [Fact]
    public async Task A_200_MB_artifact_round_trips_through_s3_without_loading_it_into_memory()
    {
        StoreTestFiles.UseShortRetryDelays();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", S3rver.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", S3rver.SecretKey);
        using (var client = new AmazonS3Client(new BasicAWSCredentials(S3rver.AccessKey, S3rver.SecretKey), new AmazonS3Config { ServiceURL = s3.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" }))
        {
            await client.PutBucketAsync("large", TestContext.Current.CancellationToken);
        }
        StoreTestFiles.ConfigureStore(_registry, $"  type: s3\n  bucket: large\n  endpoint: {s3.Endpoint}\n  force_path_style: true\n");
        var (path, sha256) = LargeFile(Path.Combine(_registry.Folder, "big.onnx"));

        var (stored, uploadGrowth) = Sampled(() => _registry.Registry.Register(new RegistrationRequest { Name = "big", ArtifactPath = path }));
        File.Delete(path);
        var (fetched, downloadGrowth) = Sampled(() => _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/big/1"), Path.Combine(_registry.Folder, "out")));

        Assert.Equal((sha256, Size), (stored.Manifest.Artifact.Sha256, stored.Manifest.Artifact.Size));
        Assert.Equal(sha256, Sha256Of(fetched));
        Assert.InRange(uploadGrowth, long.MinValue, AllowedGrowth);
        Assert.InRange(downloadGrowth, long.MinValue, AllowedGrowth);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
        _registry.Dispose();
    }
}

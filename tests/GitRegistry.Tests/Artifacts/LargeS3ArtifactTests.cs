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
        using (var client = s3.Client())
        {
            await client.PutBucketAsync("large", TestContext.Current.CancellationToken);
        }
        StoreTestFiles.ConfigureStore(_registry, $"  type: s3\n  bucket: large\n  endpoint: {s3.Endpoint}\n  force_path_style: true\n");
        RoundTripThroughStore(_registry);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
        _registry.Dispose();
    }
}

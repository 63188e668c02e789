using Amazon.S3;
using Amazon.S3.Model;
using GitRegistry.Locking;
using GitRegistry.Testing;

namespace GitRegistry.Build.Tests;

/// <summary>
/// Real <c>dotnet build</c> of a serving project whose model artifact lives in an S3-compatible store (a real s3rver),
/// with the store configured in registry.yaml and the keys in the standard AWS environment variables, as
/// docs/artifact-stores.md shows: the build's gitreg fetches from the bucket into the per-user cache, checks sha256.
/// One test, because every build costs seconds.
/// </summary>
[Collection(PackedFeedCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class RemoteStoreEndToEndTests : IClassFixture<S3rver>, IDisposable
{
    private readonly PackedFeed _feed;
    private readonly S3rver _s3;
    private readonly string _bucket = "models-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ServingRegistry _registry;

    public RemoteStoreEndToEndTests(PackedFeed feed, S3rver s3)
    {
        _feed = feed;
        _s3 = s3;
        Client().PutBucketAsync(_bucket, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        _registry = new ServingRegistry(
            $"  type: s3\n  bucket: {_bucket}\n  prefix: registry\n  endpoint: {s3.Endpoint}\n  force_path_style: true\n",
            new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = S3rver.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = S3rver.SecretKey });
    }

    private AmazonS3Client Client() => _s3.Client();

    [Fact]
    public async Task Build_fetches_the_artifact_from_s3_checks_its_sha256_and_copies_it_to_the_output()
    {
        var project = new ServingProject(_feed, _registry);
        var sha256 = _registry.Sha256(1);
        var key = $"registry/sha256/{sha256[..2]}/{sha256}";

        project.Build().ShouldSucceed();

        Assert.Equal($"s3://{_bucket}/{key}", ModelsLock.Read(project.LockFile)!.Models["churn_predictor"].Artifact.Uri);
        Assert.False(File.Exists(Path.Combine(_registry.ArtifactStore, "sha256", sha256[..2], sha256)), "the bytes must come from the bucket, not the registry's local store");
        Assert.Equal(_registry.ArtifactBytes[1], File.ReadAllBytes(project.CachedArtifact(1)));
        Assert.Equal(_registry.ArtifactBytes[1], File.ReadAllBytes(project.OutputArtifact));

        // The object changes in the bucket (same size): a build on a machine without the cached copy refuses it.
        var altered = _registry.ArtifactBytes[1].ToArray();
        altered[100] ^= 0xff;
        await Client().PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, InputStream = new MemoryStream(altered), UseChunkEncoding = false },
            TestContext.Current.CancellationToken);
        File.Delete(project.CachedArtifact(1));
        var corrupt = project.Build();

        Assert.NotEqual(0, corrupt.ExitCode);
        Assert.Contains("error GR1009", corrupt.StandardOutput);
        Assert.Contains($"s3://{_bucket}/{key}", corrupt.StandardOutput);
        Assert.False(File.Exists(project.CachedArtifact(1)));
    }

    public void Dispose() => _registry.Dispose();
}

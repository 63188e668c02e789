using Amazon.S3;
using Amazon.S3.Model;

namespace GitRegistry.Cli.Tests.Stores;

/// <summary>
/// An <c>s3</c> artifact store configured in registry.yaml as docs/artifact-stores.md shows for S3-compatible servers,
/// with keys from the standard AWS variables, against a real s3rver, used through the real gitreg.
/// </summary>
public sealed class S3StoreCommandTests : IClassFixture<S3rver>, IDisposable
{
    private readonly S3rver _s3;
    private readonly string _bucket = "models-" + Guid.NewGuid().ToString("N")[..8];
    private readonly RemoteStoreRegistry _registry;

    public S3StoreCommandTests(S3rver s3)
    {
        _s3 = s3;
        Client().PutBucketAsync(_bucket, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        _registry = new RemoteStoreRegistry(
            $"  type: s3\n  bucket: {_bucket}\n  prefix: registry\n  endpoint: {s3.Endpoint}\n  force_path_style: true\n  region: us-east-1\n",
            new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = S3rver.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = S3rver.SecretKey });
    }

    private AmazonS3Client Client() => _s3.Client();

    [Fact]
    public void Register_uploads_the_artifact_in_parts_and_a_fresh_clone_fetches_it_from_the_bucket()
    {
        // 17 MB: over the 16 MB threshold, so a multipart upload of three parts.
        var model = _registry.Author.ModelFile(size: 17 * 1024 * 1024 + 3);
        var sha256 = RemoteStoreRegistry.Sha256(model);

        var uri = _registry.Register("churn", "--artifact", model);

        Assert.Equal($"s3://{_bucket}/registry/sha256/{sha256[..2]}/{sha256}", uri);
        _registry.ShouldFetchInFreshClone("models:/churn/1", model);
    }

    [Fact]
    public async Task An_object_already_in_the_bucket_is_registered_by_uri_and_a_fresh_clone_fetches_it()
    {
        var exported = _registry.Author.ModelFile("churn-v7.onnx", size: 100_000);
        await Client().PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "exports/churn-v7.onnx", FilePath = exported, UseChunkEncoding = false },
            TestContext.Current.CancellationToken);
        var uri = $"s3://{_bucket}/exports/churn-v7.onnx";

        var recorded = _registry.Register("churn", "--artifact-uri", uri, "--sha256", RemoteStoreRegistry.Sha256(exported));

        Assert.Equal(uri, recorded);
        _registry.ShouldFetchInFreshClone("models:/churn/1", exported);
    }

    public void Dispose() => _registry.Dispose();
}

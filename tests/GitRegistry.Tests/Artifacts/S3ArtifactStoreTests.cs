using Amazon.S3;
using Amazon.S3.Model;
using GitRegistry.Registration;
using GitRegistry.Tests.Testing;

namespace GitRegistry.Tests.Artifacts;

/// <summary>
/// S3 through the standard AWS credential chain (here: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY), against a real
/// s3rver. The chain reads the process environment, so these tests run in the environment-changing collection.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class S3ArtifactStoreTests : IClassFixture<S3rver>, IDisposable
{
    private readonly S3rver _s3;
    private readonly TestRegistry _registry = TestRegistry.Create();
    private readonly string _bucket = "models-" + Guid.NewGuid().ToString("N")[..8];

    public S3ArtifactStoreTests(S3rver s3)
    {
        _s3 = s3;
        StoreTestFiles.UseShortRetryDelays();
        UseKeys(S3rver.AccessKey, S3rver.SecretKey);
        Client().PutBucketAsync(_bucket, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        StoreTestFiles.ConfigureStore(_registry, $"  type: s3\n  bucket: {_bucket}\n  prefix: registry\n  endpoint: {s3.Endpoint}\n  force_path_style: true\n");
    }

    private string Out => Path.Combine(_registry.Folder, "out");

    private static void UseKeys(string? access, string? secret)
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", access);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", secret);
    }

    private AmazonS3Client Client() => _s3.Client();

    [Fact]
    public void A_large_artifact_goes_up_as_a_multipart_upload_under_its_sha256_and_comes_back_byte_for_byte()
    {
        // 20 MB: three parts of 8, 8 and 4 MB. s3rver gives a multipart object a plain MD5 ETag (S3 gives "md5-3"),
        // so the parts are seen in the progress reports, one per part, rather than on the object.
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "model.onnx", 20 * 1024 * 1024 + 7);
        var reports = new RecordingProgress();

        var stored = _registry.Registry.ArtifactStore().Put(file.Path, reports);
        var result = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = stored.Uri, Sha256 = file.Sha256 });
        var fetched = _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out);

        Assert.Equal($"s3://{_bucket}/registry/sha256/{file.Sha256[..2]}/{file.Sha256}", result.Manifest.Artifact.Uri);
        var done = reports.Values.Order().ToList();
        Assert.Equal(file.Size, done[^1]);
        Assert.Equal([4L << 20 | 7, 8L << 20, 8L << 20], done.Zip(done.Skip(1).Append(0), (a, b) => b == 0 ? done[0] : b - a).Order());
        Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(fetched));
    }

    private sealed class RecordingProgress : IProgress<long>
    {
        private readonly List<long> _values = [];

        public IReadOnlyList<long> Values { get { lock (_values) { return [.. _values]; } } }

        public void Report(long value) { lock (_values) { _values.Add(value); } }
    }

    [Fact]
    public async Task A_small_artifact_goes_up_in_one_request_and_an_identical_one_is_not_uploaded_again()
    {
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "model.onnx", 10_000);

        var first = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = file.Path });
        var second = _registry.Registry.Register(new RegistrationRequest { Name = "fraud", ArtifactPath = file.Path });

        Assert.Equal(first.Manifest.Artifact.Uri, second.Manifest.Artifact.Uri);
        Assert.Single((await Client().ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket }, TestContext.Current.CancellationToken)).S3Objects);
    }

    [Fact]
    public async Task An_object_already_in_the_bucket_can_be_registered_by_uri_with_its_sha256_checked()
    {
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "exported.onnx", 100_000);
        await Client().PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = "exports/exported.onnx", FilePath = file.Path, UseChunkEncoding = false }, TestContext.Current.CancellationToken);
        var uri = $"s3://{_bucket}/exports/exported.onnx";

        var result = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = uri, Sha256 = file.Sha256 });

        Assert.Equal((uri, file.Sha256, file.Size, "exported.onnx"), (result.Manifest.Artifact.Uri, result.Manifest.Artifact.Sha256, result.Manifest.Artifact.Size, result.Manifest.Artifact.FileName));
    }

    [Fact]
    public async Task Corrupted_bytes_in_the_object_are_detected_and_nothing_is_left_at_the_destination()
    {
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "model.onnx", 50_000);
        var uri = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = file.Path }).Manifest.Artifact.Uri;
        var bytes = File.ReadAllBytes(file.Path);
        bytes[4242] ^= 0x0f;
        await Client().PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = $"registry/sha256/{file.Sha256[..2]}/{file.Sha256}", InputStream = new MemoryStream(bytes), UseChunkEncoding = false }, TestContext.Current.CancellationToken);

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Contains($"the artifact {uri} is corrupt", error.Message);
        Assert.Empty(Directory.Exists(Out) ? Directory.GetFileSystemEntries(Out) : []);
    }

    [Fact]
    public void A_missing_object_is_a_clear_not_found_naming_the_uri()
    {
        var uri = $"s3://{_bucket}/nowhere/model.onnx";

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = uri }));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Equal($"the artifact {uri} was not found (NoSuchKey)", error.Message);
    }

    [Fact]
    public void Wrong_keys_are_a_clear_auth_error()
    {
        // s3rver checks the access key id but not SigV4 signatures, so a wrong secret would pass; a wrong key id does not.
        UseKeys("AKIAWRONGKEY", "not-the-secret");

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = _registry.WriteFile("model.onnx", "bytes") }));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.StartsWith($"access to the artifact s3://{_bucket}/", error.Message);
        Assert.Contains("was denied", error.Message);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Fix);
    }

    public void Dispose()
    {
        UseKeys(null, null);
        _registry.Dispose();
    }
}

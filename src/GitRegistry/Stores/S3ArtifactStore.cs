using System.Globalization;
using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using GitRegistry.Configuration;
using Polly;

namespace GitRegistry.Stores;

/// <summary>
/// Amazon S3 and S3-compatible stores (MinIO, Ceph, R2, ...). New artifacts go to <c>PREFIX/sha256/ab/HEX</c> in the
/// configured bucket, recorded as <c>s3://BUCKET/KEY</c>. Files of 16 MB or more go up as a multipart upload of
/// 8 MB parts, four at a time, read from the file part by part; S3 makes the object visible only when the upload
/// completes (a failed one is aborted), so nothing that looks complete is left behind. Credentials come from the standard AWS chain
/// (environment, profile, SSO, instance or container role).
/// </summary>
public sealed class S3ArtifactStore : IArtifactStore
{
    /// <summary>The URI scheme of artifacts in S3.</summary>
    public const string Scheme = "s3";

    private const long PartSize = 8 * 1024 * 1024;

    private readonly ArtifactStoreConfig _config;
    private readonly Lazy<AmazonS3Client> _client;

    /// <summary>A store configured by registry.yaml's <c>artifact_store</c> (type <c>s3</c>), or unconfigured for reads with the default AWS settings.</summary>
    public S3ArtifactStore(ArtifactStoreConfig config)
    {
        _config = config.Type == "s3" ? config : new ArtifactStoreConfig { Type = "s3" };
        _client = new(Client);
    }

    /// <inheritdoc/>
    public bool CanRead(string uri) => uri.StartsWith(Scheme + "://", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public StoredArtifact Put(string sourceFile, IProgress<long>? progress = null)
    {
        var bucket = _config.Bucket ?? throw new RegistryException(ErrorKind.Validation, "registry.yaml's artifact_store has type s3 but no bucket", "add bucket: NAME under artifact_store");
        // The key is the hash, so the file is hashed first; a file changed during the upload is caught by comparing its state after.
        var before = new FileInfo(ContentAddressedFolder.ExistingFile(sourceFile));
        var (sha256, size) = HashingCopy.OfFile(before.FullName);
        var key = $"{Prefix(_config.Prefix)}sha256/{sha256[..2]}/{sha256}";
        var uri = $"{Scheme}://{bucket}/{key}";
        Translated(uri, () => VerifiedTransfer.Reading(uri, () => Retry.Execute(() =>
        {
            if (Size(bucket, key) == size)
            {
                return 0;
            }
            Upload(bucket, key, before.FullName, size, sha256, progress);
            var after = new FileInfo(before.FullName);
            if (after.Length != size || after.LastWriteTimeUtc != before.LastWriteTimeUtc)
            {
                _client.Value.DeleteObjectAsync(bucket, key).GetAwaiter().GetResult();
                throw new RegistryException(ErrorKind.Artifact, $"{sourceFile} changed while it was being uploaded to {uri}", "make sure nothing writes the file, then register again");
            }
            return 0;
        })));
        return new StoredArtifact(uri, sha256, size);
    }

    // One PutObject below 16 MB; above, a multipart upload of 8 MB parts, four in flight, each read from the file
    // at its offset (so memory holds at most a few parts), completed only when all are in and aborted otherwise.
    private void Upload(string bucket, string key, string file, long size, string sha256, IProgress<long>? progress)
    {
        var client = _client.Value;
        // aws-chunked bodies are what S3 itself expects; S3-compatible servers often store them undecoded.
        var chunked = _config.Endpoint is null;
        if (size < 2 * PartSize)
        {
            var put = new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file, UseChunkEncoding = chunked };
            put.Metadata.Add("sha256", sha256);
            client.PutObjectAsync(put).GetAwaiter().GetResult();
            progress?.Report(size);
            return;
        }
        var start = new InitiateMultipartUploadRequest { BucketName = bucket, Key = key };
        start.Metadata.Add("sha256", sha256);
        var uploadId = client.InitiateMultipartUploadAsync(start).GetAwaiter().GetResult().UploadId;
        try
        {
            var parts = (int)((size + PartSize - 1) / PartSize);
            var etags = new PartETag[parts];
            long sent = 0;
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = 4 }, index =>
            {
                var offset = index * PartSize;
                var length = Math.Min(PartSize, size - offset);
                var response = client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket, Key = key, UploadId = uploadId, PartNumber = index + 1,
                    FilePath = file, FilePosition = offset, PartSize = length, IsLastPart = index == parts - 1, UseChunkEncoding = chunked,
                }).GetAwaiter().GetResult();
                etags[index] = new PartETag(index + 1, response.ETag);
                progress?.Report(Interlocked.Add(ref sent, length));
            });
            client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartETags = [.. etags] })
                .GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            client.AbortMultipartUploadAsync(bucket, key, uploadId).GetAwaiter().GetResult();
            // A part's failure, not Parallel's wrapper, is what the retry and the error messages judge.
            if (e is AggregateException { InnerExceptions: [var first, ..] })
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }
            throw;
        }
    }

    /// <inheritdoc/>
    public void Fetch(string uri, string sha256, long size, string destinationFile, IProgress<long>? progress = null)
    {
        var (bucket, key) = Parse(uri);
        Translated(uri, () =>
        {
            VerifiedTransfer.ToFile(Retry, () => Open(bucket, key), uri, sha256, size, destinationFile, progress);
            return 0;
        });
    }

    /// <inheritdoc/>
    public StoredArtifact Measure(string uri, IProgress<long>? progress = null)
    {
        var (bucket, key) = Parse(uri);
        var (sha256, size) = Translated(uri, () => VerifiedTransfer.Measure(Retry, uri, () => Open(bucket, key), progress));
        return new StoredArtifact(uri, sha256, size);
    }

    // The SDK retries each request; what escapes it (a body cut mid-stream, a server gone for longer) is retried here.
    private static ResiliencePipeline Retry => VerifiedTransfer.Retry(e => e switch
    {
        AmazonServiceException { StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError } => true,
        AmazonServiceException => false,
        IOException or TimeoutException or HttpRequestException => true,
        AmazonClientException { InnerException: IOException or HttpRequestException or TimeoutException } => true,
        _ => false,
    });

    private Stream Open(string bucket, string key) =>
        _client.Value.GetObjectAsync(bucket, key).GetAwaiter().GetResult().ResponseStream;

    private long? Size(string bucket, string key)
    {
        try
        {
            return _client.Value.GetObjectMetadataAsync(bucket, key).GetAwaiter().GetResult().ContentLength;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private AmazonS3Client Client()
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = _config.ForcePathStyle ?? false,
            // Checksums only where S3 requires them: S3-compatible servers often do not speak the newer trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (_config.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = _config.Region ?? "us-east-1";
        }
        else if (_config.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        try
        {
            // The environment comes first in the standard chain; read it afresh, since the SDK caches what the chain resolved once per process.
            return Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is { Length: > 0 }
                ? new AmazonS3Client(new EnvironmentVariablesAWSCredentials(), config)
                : new AmazonS3Client(config);
        }
        catch (AmazonClientException e)
        {
            throw new RegistryException(ErrorKind.Artifact, $"no AWS credentials for the S3 store: {e.Message}",
                "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or run where an instance or container role is available", e);
        }
    }

    private static (string Bucket, string Key) Parse(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Host.Length == 0 || parsed.AbsolutePath.Trim('/').Length == 0)
        {
            throw new RegistryException(ErrorKind.Usage, $"'{uri}' is not an S3 URI", "write s3://BUCKET/KEY");
        }
        return (parsed.Host, Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/')));
    }

    private static string Prefix(string? prefix) => string.IsNullOrEmpty(prefix) ? "" : prefix.Trim('/') + "/";

    // The SDK's failures, said in the registry's terms: not found, denied, or no credentials.
    private T Translated<T>(string uri, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (RegistryException e) when (e.InnerException is AmazonServiceException or AmazonClientException && Translate(uri, e.InnerException) is { } translated)
        {
            throw translated;
        }
        catch (AmazonClientException e) when (Translate(uri, e) is { } translated)
        {
            throw translated;
        }
    }

    private RegistryException? Translate(string uri, Exception e) => e switch
    {
        AmazonS3Exception { StatusCode: HttpStatusCode.NotFound } failed => new RegistryException(ErrorKind.Artifact,
            $"the artifact {uri} was not found ({failed.ErrorCode ?? "404"})", "check the URI; the object or its bucket may have been deleted or renamed", e),
        AmazonServiceException { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } failed => new RegistryException(ErrorKind.Artifact,
            $"access to the artifact {uri} was denied ({failed.ErrorCode ?? ((int)failed.StatusCode).ToString(CultureInfo.InvariantCulture)})",
            "check the AWS credentials this process uses (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, the instance role) and their access to the bucket", e),
        AmazonServiceException failed => new RegistryException(ErrorKind.Artifact,
            $"S3 refused {uri}: {failed.ErrorCode ?? ((int)failed.StatusCode).ToString(CultureInfo.InvariantCulture)}", "check the bucket, region, endpoint and permissions", e),
        AmazonClientException when e.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) => new RegistryException(ErrorKind.Artifact,
            $"no AWS credentials to read {uri}: {e.Message}", "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or run where an instance or container role is available", e),
        _ => null,
    };
}

using Amazon.Runtime;
using Amazon.S3;

namespace GitRegistry.Testing;

/// <summary>
/// s3rver (npm 3.7.1), an S3-compatible server, on a free loopback port with a temp data folder. Its account is
/// S3RVER / S3RVER. Limits found: it checks the access key id but does not verify SigV4 signatures (a wrong secret
/// passes), it stores aws-chunked request bodies undecoded (the store sends plain bodies to custom endpoints), and a
/// multipart object's ETag is a plain MD5 rather than S3's "md5-N".
/// </summary>
public sealed class S3rver : IDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly NodeServer _server = new("s3rver", (port, data) =>
        ["-d", data, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--no-vhost-buckets"]);

    public string Endpoint => $"http://127.0.0.1:{_server.Port}";

    /// <summary>An SDK client for setting up buckets and objects. It sends plain (not aws-chunked) bodies, which s3rver stores as they are.</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKey, SecretKey),
        new AmazonS3Config { ServiceURL = Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED });

    public void Dispose() => _server.Dispose();
}

using System.Net;
using System.Net.Http.Headers;
using Polly;

namespace GitRegistry.Stores;

/// <summary>
/// Reads artifacts published elsewhere over HTTP(S). Read only: publish the file with your own tooling, then
/// register it with <c>--artifact-uri</c>. A bearer token, when configured, is read from an environment variable
/// (never from registry.yaml) and sent only to URIs under the configured base URL.
/// </summary>
public sealed class HttpArtifactStore : IArtifactStore
{
    // One client for the process: sockets are pooled, and a large body must not be cut by HttpClient's timeout.
    private static readonly HttpClient Client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(30) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static ResiliencePipeline Retry => VerifiedTransfer.Retry(e => e switch
    {
        TransientHttpException => true,
        HttpRequestException { StatusCode: null } => true,
        IOException => true,
        TimeoutException => true,
        TaskCanceledException => true,
        _ => false,
    });

    private readonly string? _baseUrl;
    private readonly string? _tokenVariable;

    /// <summary>A store reading any http(s) URI; the token in <paramref name="tokenVariable"/> goes only to URIs under <paramref name="baseUrl"/> (or to all when it is null).</summary>
    public HttpArtifactStore(string? baseUrl = null, string? tokenVariable = null)
    {
        _baseUrl = baseUrl;
        _tokenVariable = tokenVariable;
    }

    /// <inheritdoc/>
    public bool CanRead(string uri) =>
        uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public StoredArtifact Put(string sourceFile, IProgress<long>? progress = null) =>
        throw new RegistryException(ErrorKind.Usage, "the http artifact store is read only",
            "publish the file with your own tooling and register it with --artifact-uri https://..., or choose a writable artifact_store (local, file, azblob, s3)");

    /// <inheritdoc/>
    public void Fetch(string uri, string sha256, long size, string destinationFile, IProgress<long>? progress = null) =>
        VerifiedTransfer.ToFile(Retry, () => Open(uri), uri, sha256, size, destinationFile, progress);

    /// <inheritdoc/>
    public StoredArtifact Measure(string uri, IProgress<long>? progress = null)
    {
        var (sha256, size) = VerifiedTransfer.Measure(Retry, uri, () => Open(uri), progress);
        return new StoredArtifact(uri, sha256, size);
    }

    private Stream Open(string uri)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (Token(uri) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var response = Client.Send(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.IsSuccessStatusCode)
        {
            return response.Content.ReadAsStream();
        }
        var status = response.StatusCode;
        response.Dispose();
        throw status switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Gone => new RegistryException(ErrorKind.Artifact,
                $"the artifact {uri} was not found (HTTP {(int)status})", "check the URI; the file may have been moved or deleted where it was published"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new RegistryException(ErrorKind.Artifact,
                $"access to the artifact {uri} was denied (HTTP {(int)status})",
                _tokenVariable is null
                    ? "the server wants credentials: set artifact_store.token_variable in registry.yaml to the name of an environment variable holding a bearer token"
                    : $"check the bearer token in the environment variable {_tokenVariable} (set: {(Environment.GetEnvironmentVariable(_tokenVariable) is { Length: > 0 } ? "yes" : "no")})"),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError => new TransientHttpException(uri, status),
            _ => new RegistryException(ErrorKind.Artifact, $"reading the artifact {uri} failed with HTTP {(int)status}", "check the URI and the server"),
        };
    }

    private string? Token(string uri)
    {
        if (_tokenVariable is null || (_baseUrl is not null && !uri.StartsWith(_baseUrl, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return Environment.GetEnvironmentVariable(_tokenVariable) is { Length: > 0 } token ? token : null;
    }

    /// <summary>A status worth retrying (5xx, 408, 429); after the last retry it surfaces as this.</summary>
    private sealed class TransientHttpException(string uri, HttpStatusCode status)
        : Exception($"reading {uri} failed with HTTP {(int)status}");
}

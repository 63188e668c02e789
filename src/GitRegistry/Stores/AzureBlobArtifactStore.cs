using Azure;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using GitRegistry.Configuration;
using Polly;

namespace GitRegistry.Stores;

/// <summary>
/// Azure Blob Storage. New artifacts go to <c>PREFIX/sha256/ab/HEX</c> in the configured container, recorded as
/// <c>azblob://ACCOUNT/CONTAINER/PREFIX/sha256/ab/HEX</c>; reads also accept the blob's https URL. Uploads are block
/// uploads in parallel 8 MB chunks, committed only when every block is in, so a failed upload leaves no blob.
/// Credentials: a connection string from the environment variable that registry.yaml names, else the standard
/// Azure credential sources (environment, workload or managed identity, Azure CLI login).
/// </summary>
public sealed class AzureBlobArtifactStore : IArtifactStore
{
    /// <summary>The URI scheme of artifacts in Azure Blob Storage.</summary>
    public const string Scheme = "azblob";

    private const int ChunkSize = 8 * 1024 * 1024;

    private readonly ArtifactStoreConfig _config;
    private readonly Lazy<BlobServiceClient?> _configured;

    /// <summary>A store configured by registry.yaml's <c>artifact_store</c> (type <c>azblob</c>), or unconfigured for reads only.</summary>
    public AzureBlobArtifactStore(ArtifactStoreConfig config)
    {
        _config = config;
        _configured = new(() => config.Type == "azblob" ? Service(config.Account) : null);
    }

    /// <inheritdoc/>
    public bool CanRead(string uri) =>
        uri.StartsWith(Scheme + "://", StringComparison.OrdinalIgnoreCase) || IsBlobUrl(uri);

    /// <summary>True for an https URL of a blob in Azure's public cloud.</summary>
    public static bool IsBlobUrl(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme == "https" && parsed.Host.EndsWith(".blob.core.windows.net", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public StoredArtifact Put(string sourceFile, IProgress<long>? progress = null)
    {
        var service = _configured.Value ?? throw new RegistryException(ErrorKind.Usage, "no Azure Blob store is configured to write to", "set artifact_store in registry.yaml: {type: azblob, account: ..., container: ...}");
        var container = _config.Container ?? throw new RegistryException(ErrorKind.Validation, "registry.yaml's artifact_store has type azblob but no container", "add container: NAME under artifact_store");
        // The name is the hash, so the file is hashed first; the upload hashes again what it sends, which catches a file changed in between.
        var (sha256, size) = HashingCopy.OfFile(ContentAddressedFolder.ExistingFile(sourceFile));
        var name = $"{Prefix(_config.Prefix)}sha256/{sha256[..2]}/{sha256}";
        var uri = $"{Scheme}://{service.AccountName}/{container}/{name}";
        var blob = service.GetBlobContainerClient(container).GetBlobClient(name);
        Translated(uri, () => VerifiedTransfer.Reading(uri, () => Retry.Execute(() =>
        {
            if (blob.Exists().Value && blob.GetProperties().Value.ContentLength == size)
            {
                return 0;
            }
            using var source = new HashingReadStream(ContentAddressedFolder.OpenSource(sourceFile), progress);
            blob.Upload(source, new BlobUploadOptions
            {
                TransferOptions = new StorageTransferOptions { MaximumConcurrency = 4, InitialTransferSize = ChunkSize, MaximumTransferSize = ChunkSize },
                Metadata = new Dictionary<string, string> { ["sha256"] = sha256 },
            });
            if (source.Sha256() != sha256 || source.BytesRead != size)
            {
                blob.DeleteIfExists();
                throw new RegistryException(ErrorKind.Artifact, $"{sourceFile} changed while it was being uploaded to {uri}", "make sure nothing writes the file, then register again");
            }
            return 0;
        })));
        return new StoredArtifact(uri, sha256, size);
    }

    /// <inheritdoc/>
    public void Fetch(string uri, string sha256, long size, string destinationFile, IProgress<long>? progress = null)
    {
        var blob = Blob(uri);
        Translated(uri, () =>
        {
            VerifiedTransfer.ToFile(Retry, () => blob.DownloadStreaming().Value.Content, uri, sha256, size, destinationFile, progress);
            return 0;
        });
    }

    /// <inheritdoc/>
    public StoredArtifact Measure(string uri, IProgress<long>? progress = null)
    {
        var blob = Blob(uri);
        var (sha256, size) = Translated(uri, () => VerifiedTransfer.Measure(Retry, uri, () => blob.DownloadStreaming().Value.Content, progress));
        return new StoredArtifact(uri, sha256, size);
    }

    // The SDK retries each request (and each block); what escapes it mid-stream is retried here, from the start.
    private static ResiliencePipeline Retry => VerifiedTransfer.Retry(e => e switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        IOException or TimeoutException => true,
        _ => false,
    });

    private BlobClient Blob(string uri)
    {
        if (IsBlobUrl(uri))
        {
            var url = new Uri(uri);
            // The configured account's URL is read with the configured credentials; any other with the standard sources.
            if (_configured.Value is { } configured && url.AbsoluteUri.StartsWith(configured.Uri.AbsoluteUri, StringComparison.OrdinalIgnoreCase)
                && url.AbsolutePath.Trim('/').Split('/', 2) is [var inContainer, var inName])
            {
                return configured.GetBlobContainerClient(Uri.UnescapeDataString(inContainer)).GetBlobClient(Uri.UnescapeDataString(inName));
            }
            return new BlobClient(url, Credential(), Options());
        }
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.AbsolutePath.Trim('/').Split('/', 2) is not [var container, var name] || name.Length == 0)
        {
            throw new RegistryException(ErrorKind.Usage, $"'{uri}' is not an Azure Blob URI", "write azblob://ACCOUNT/CONTAINER/PATH or https://ACCOUNT.blob.core.windows.net/CONTAINER/PATH");
        }
        var service = _configured.Value is { } mine && mine.AccountName.Equals(parsed.Host, StringComparison.OrdinalIgnoreCase) ? mine : Service(parsed.Host);
        return service.GetBlobContainerClient(Uri.UnescapeDataString(container)).GetBlobClient(Uri.UnescapeDataString(name));
    }

    private BlobServiceClient Service(string? account)
    {
        if (_config.ConnectionStringVariable is { } variable && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } connection)
        {
            try
            {
                return new BlobServiceClient(connection, Options());
            }
            catch (FormatException e)
            {
                throw new RegistryException(ErrorKind.Artifact, $"the connection string in {variable} is malformed", "copy it again from the storage account's Access keys page", e);
            }
        }
        if (account is null)
        {
            throw new RegistryException(ErrorKind.Validation, "registry.yaml's artifact_store has type azblob but neither account nor a connection string",
                "add account: NAME (credentials from az login, managed identity or AZURE_* variables), or connection_string_variable: VAR");
        }
        var endpoint = _config.Type == "azblob" && _config.Endpoint is { } configured ? new Uri(configured) : new Uri($"https://{account}.blob.core.windows.net");
        return new BlobServiceClient(endpoint, Credential(), Options());
    }

    private static DefaultAzureCredential Credential() => new(new DefaultAzureCredentialOptions { ExcludeInteractiveBrowserCredential = true });

    private static BlobClientOptions Options()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.NetworkTimeout = TimeSpan.FromMinutes(2);
        return options;
    }

    private static string Prefix(string? prefix) => string.IsNullOrEmpty(prefix) ? "" : prefix.Trim('/') + "/";

    // The SDK's failures, said in the registry's terms: not found, denied, or unreachable.
    private T Translated<T>(string uri, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (RegistryException e) when (e.InnerException is RequestFailedException or AuthenticationFailedException)
        {
            throw Translate(uri, e.InnerException!) ?? e;
        }
        catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException && Translate(uri, e) is { } translated)
        {
            throw translated;
        }
    }

    private RegistryException? Translate(string uri, Exception e) => e switch
    {
        RequestFailedException { Status: 404 } failed => new RegistryException(ErrorKind.Artifact,
            $"the artifact {uri} was not found ({failed.ErrorCode ?? "404"})", "check the URI; the blob or its container may have been deleted or renamed", e),
        RequestFailedException { Status: 401 or 403 } failed => new RegistryException(ErrorKind.Artifact,
            $"access to the artifact {uri} was denied ({failed.ErrorCode ?? failed.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
            _config.ConnectionStringVariable is { } variable
                ? $"check the connection string in the environment variable {variable}, and that its key is current"
                : "sign in (az login) or grant this identity the Storage Blob Data Reader/Contributor role on the container", e),
        AuthenticationFailedException => new RegistryException(ErrorKind.Artifact,
            $"no Azure credentials to read {uri}: {e.Message.Split('\n')[0]}",
            "sign in with az login, set AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET, or set artifact_store.connection_string_variable", e),
        RequestFailedException failed => new RegistryException(ErrorKind.Artifact, $"Azure Blob Storage refused {uri}: {failed.ErrorCode ?? failed.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "check the account, container and permissions", e),
        _ => null,
    };
}

namespace GitRegistry.Testing;

/// <summary>Azurite's blob service (npm azurite 3.37.0) on a free loopback port, shared by a test class.</summary>
public sealed class Azurite : IDisposable
{
    /// <summary>Azurite's well-known development account and key.</summary>
    public const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly NodeServer _server = new("azurite-blob", (port, data) =>
        // --skipApiVersionCheck: the SDK may speak a newer service version than this Azurite release knows.
        ["--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", data, "--silent", "--skipApiVersionCheck", "--loose"]);

    public string BlobEndpoint => $"http://127.0.0.1:{_server.Port}/{Account}";

    public string ConnectionString => ConnectionStringWithKey(Key);

    /// <summary>A connection string for the account with another key: requests fail authentication.</summary>
    public string ConnectionStringWithKey(string key) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={key};BlobEndpoint={BlobEndpoint};";

    public void Dispose() => _server.Dispose();
}

using Azure.Storage.Blobs;

namespace GitRegistry.Cli.Tests.Stores;

/// <summary>An <c>azblob</c> artifact store configured in registry.yaml as docs/artifact-stores.md shows for Azurite, used through the real gitreg.</summary>
public sealed class AzureBlobStoreCommandTests : IClassFixture<Azurite>, IDisposable
{
    private readonly Azurite _azurite;
    private readonly string _container = "models-" + Guid.NewGuid().ToString("N")[..8];
    private readonly RemoteStoreRegistry _registry;

    public AzureBlobStoreCommandTests(Azurite azurite)
    {
        _azurite = azurite;
        new BlobContainerClient(azurite.ConnectionString, _container).Create(cancellationToken: TestContext.Current.CancellationToken);
        _registry = new RemoteStoreRegistry(
            $"  type: azblob\n  container: {_container}\n  prefix: registry\n  connection_string_variable: AZURITE\n",
            new Dictionary<string, string> { ["AZURITE"] = azurite.ConnectionString });
    }

    [Fact]
    public void Register_uploads_the_artifact_in_blocks_and_a_fresh_clone_fetches_it_from_the_container()
    {
        // 9 MB: two blocks of the block upload.
        var model = _registry.Author.ModelFile(size: 9 * 1024 * 1024 + 1);
        var sha256 = RemoteStoreRegistry.Sha256(model);

        var uri = _registry.Register("churn", "--artifact", model);

        Assert.Equal($"azblob://{Azurite.Account}/{_container}/registry/sha256/{sha256[..2]}/{sha256}", uri);
        _registry.ShouldFetchInFreshClone("models:/churn/1", model);
    }

    [Fact]
    public void A_blob_already_in_the_container_is_registered_by_uri_and_a_fresh_clone_fetches_it()
    {
        var exported = _registry.Author.ModelFile("churn-v7.onnx", size: 100_000);
        new BlobContainerClient(_azurite.ConnectionString, _container).GetBlobClient("exports/churn-v7.onnx")
            .Upload(exported, cancellationToken: TestContext.Current.CancellationToken);
        var uri = $"azblob://{Azurite.Account}/{_container}/exports/churn-v7.onnx";

        var recorded = _registry.Register("churn", "--artifact-uri", uri, "--sha256", RemoteStoreRegistry.Sha256(exported));

        Assert.Equal(uri, recorded);
        _registry.ShouldFetchInFreshClone("models:/churn/1", exported);
    }

    public void Dispose() => _registry.Dispose();
}

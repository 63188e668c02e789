using Azure.Storage.Blobs;
using GitRegistry.Registration;

namespace GitRegistry.Tests.Artifacts;

/// <summary>Azure Blob Storage, against a real Azurite blob service started for this class.</summary>
public sealed class AzureBlobArtifactStoreTests : IClassFixture<Azurite>, IDisposable
{
    private readonly Azurite _azurite;
    private readonly TestRegistry _registry = TestRegistry.Create();
    private readonly string _variable = "GITREG_TEST_AZURE_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _container = "models-" + Guid.NewGuid().ToString("N")[..8];

    public AzureBlobArtifactStoreTests(Azurite azurite)
    {
        _azurite = azurite;
        StoreTestFiles.UseShortRetryDelays();
        Environment.SetEnvironmentVariable(_variable, azurite.ConnectionString);
        new BlobContainerClient(azurite.ConnectionString, _container).Create();
        StoreTestFiles.ConfigureStore(_registry, $"  type: azblob\n  container: {_container}\n  prefix: registry\n  connection_string_variable: {_variable}\n");
    }

    private string Out => Path.Combine(_registry.Folder, "out");

    private BlobContainerClient Container => new(_azurite.ConnectionString, _container);

    [Fact]
    public void An_artifact_goes_up_in_blocks_under_its_sha256_and_comes_back_byte_for_byte()
    {
        // 20 MB: three 8 MB blocks, uploaded in parallel.
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "model.onnx", 20 * 1024 * 1024 + 3);

        var result = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = file.Path });
        var fetched = _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out);

        var name = $"registry/sha256/{file.Sha256[..2]}/{file.Sha256}";
        Assert.Equal($"azblob://{Azurite.Account}/{_container}/{name}", result.Manifest.Artifact.Uri);
        Assert.Equal(file.Size, Container.GetBlobClient(name).GetProperties(cancellationToken: TestContext.Current.CancellationToken).Value.ContentLength);
        Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(fetched));
    }

    [Fact]
    public void A_blob_already_in_the_container_can_be_registered_by_uri_with_its_sha256_checked()
    {
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "exported.onnx", 100_000);
        Container.GetBlobClient("exports/exported.onnx").Upload(file.Path, overwrite: true, TestContext.Current.CancellationToken);
        var uri = $"azblob://{Azurite.Account}/{_container}/exports/exported.onnx";

        var result = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = uri, Sha256 = file.Sha256 });

        Assert.Equal((uri, file.Sha256, file.Size, "exported.onnx"), (result.Manifest.Artifact.Uri, result.Manifest.Artifact.Sha256, result.Manifest.Artifact.Size, result.Manifest.Artifact.FileName));
    }

    [Fact]
    public void Corrupted_bytes_in_the_blob_are_detected_and_nothing_is_left_at_the_destination()
    {
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "model.onnx", 50_000);
        var uri = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = file.Path }).Manifest.Artifact.Uri;
        var bytes = File.ReadAllBytes(file.Path);
        bytes[123] ^= 0x55;
        Container.GetBlobClient($"registry/sha256/{file.Sha256[..2]}/{file.Sha256}").Upload(new BinaryData(bytes), overwrite: true, TestContext.Current.CancellationToken);

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Contains($"the artifact {uri} is corrupt", error.Message);
        Assert.Empty(Directory.Exists(Out) ? Directory.GetFileSystemEntries(Out) : []);
    }

    [Fact]
    public void A_missing_blob_is_a_clear_not_found_naming_the_uri()
    {
        var uri = $"azblob://{Azurite.Account}/{_container}/nowhere/model.onnx";

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = uri }));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Equal($"the artifact {uri} was not found (BlobNotFound)", error.Message);
    }

    [Fact]
    public void A_wrong_account_key_is_a_clear_auth_error_naming_the_variable()
    {
        Environment.SetEnvironmentVariable(_variable, _azurite.ConnectionStringWithKey(Convert.ToBase64String(new byte[64])));

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = _registry.WriteFile("model.onnx", "bytes") }));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.StartsWith("access to the artifact azblob://", error.Message);
        Assert.Contains("denied", error.Message);
        Assert.Contains(_variable, error.Fix);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        _registry.Dispose();
    }
}

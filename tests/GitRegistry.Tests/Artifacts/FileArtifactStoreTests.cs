using GitRegistry.Registration;

namespace GitRegistry.Tests.Artifacts;

/// <summary>A content-addressed folder on a shared drive, recorded as file:// URIs.</summary>
public sealed class FileArtifactStoreTests : IDisposable
{
    private readonly TestRegistry _registry = TestRegistry.Create();

    public FileArtifactStoreTests() => StoreTestFiles.UseShortRetryDelays();

    private string Share => Path.Combine(_registry.Folder, "share");

    private string Out => Path.Combine(_registry.Folder, "out");

    [Fact]
    public void A_file_store_keeps_artifacts_by_sha256_under_its_folder_and_records_a_file_uri()
    {
        StoreTestFiles.ConfigureStore(_registry, $"  type: file\n  path: {Share}\n");
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "model.onnx", 100_000);

        var result = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = file.Path });
        var fetched = _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out);

        var blob = Path.Combine(Share, "sha256", file.Sha256[..2], file.Sha256);
        Assert.Equal(new Uri(blob).AbsoluteUri, result.Manifest.Artifact.Uri);
        Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(blob));
        Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(fetched));
        Assert.Empty(Directory.GetFiles(Path.Combine(Share, "tmp")));
    }

    [Fact]
    public void Identical_artifacts_are_stored_once_in_the_share()
    {
        StoreTestFiles.ConfigureStore(_registry, $"  type: file\n  path: {Share}\n");
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "model.onnx", 5000);

        var first = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = file.Path });
        var second = _registry.Registry.Register(new RegistrationRequest { Name = "fraud", ArtifactPath = file.Path });

        Assert.Equal(first.Manifest.Artifact.Uri, second.Manifest.Artifact.Uri);
        Assert.Single(Directory.GetFiles(Path.Combine(Share, "sha256"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_file_already_on_the_share_can_be_registered_by_uri_with_its_sha256_checked()
    {
        var file = StoreTestFiles.Random(Share, "published.onnx", 70_000);
        var uri = new Uri(file.Path).AbsoluteUri;

        var result = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = uri, Sha256 = file.Sha256 });

        Assert.Equal((uri, file.Sha256, file.Size, "published.onnx"), (result.Manifest.Artifact.Uri, result.Manifest.Artifact.Sha256, result.Manifest.Artifact.Size, result.Manifest.Artifact.FileName));
        Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(_registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out)));
    }

    [Fact]
    public void A_missing_file_is_a_clear_not_found_naming_the_uri()
    {
        StoreTestFiles.ConfigureStore(_registry, $"  type: file\n  path: {Share}\n");
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "model.onnx", 1000);
        var uri = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = file.Path }).Manifest.Artifact.Uri;
        File.Delete(new Uri(uri).LocalPath);

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.StartsWith($"the artifact {uri} was not found", error.Message);
    }

    [Fact]
    public void Corrupted_bytes_on_the_share_are_detected_and_nothing_is_left_at_the_destination()
    {
        StoreTestFiles.ConfigureStore(_registry, $"  type: file\n  path: {Share}\n");
        var file = StoreTestFiles.Random(Path.Combine(_registry.Folder, "train"), "model.onnx", 10_000);
        var uri = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = file.Path }).Manifest.Artifact.Uri;
        var blob = new Uri(uri).LocalPath;
        var bytes = File.ReadAllBytes(blob);
        bytes[^1] ^= 1;
        File.WriteAllBytes(blob, bytes);

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Contains("is corrupt", error.Message);
        Assert.Empty(Directory.Exists(Out) ? Directory.GetFileSystemEntries(Out) : []);
    }

    [Fact]
    public void A_file_store_without_a_path_says_to_add_one()
    {
        StoreTestFiles.ConfigureStore(_registry, "  type: file\n");

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = _registry.WriteFile("model.onnx", "x") }));

        Assert.Contains("no path", error.Message);
        Assert.Contains("path:", error.Fix);
    }

    public void Dispose() => _registry.Dispose();
}

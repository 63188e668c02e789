using GitRegistry.Registration;
using GitRegistry.Stores;

namespace GitRegistry.Tests.Artifacts;

/// <summary>Artifacts published on a web server, read over HTTP from a real loopback server.</summary>
public sealed class HttpArtifactStoreTests : IDisposable
{
    private readonly TestRegistry _registry = TestRegistry.Create();
    private readonly LoopbackHttpServer _server = new();

    public HttpArtifactStoreTests() => StoreTestFiles.UseShortRetryDelays();

    private string Files => Path.Combine(_registry.Folder, "published");

    private string Out => Path.Combine(_registry.Folder, "out");

    [Fact]
    public void An_artifact_registered_by_url_is_hashed_once_and_fetches_byte_for_byte()
    {
        var file = StoreTestFiles.Random(Files, "model.onnx", 3 * 1024 * 1024 + 5);
        var url = _server.Serve("models/model.onnx", file.Path);

        var result = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = url });
        var fetched = _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out);

        Assert.Equal((url, file.Sha256, file.Size, "model.onnx"), (result.Manifest.Artifact.Uri, result.Manifest.Artifact.Sha256, result.Manifest.Artifact.Size, result.Manifest.Artifact.FileName));
        Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(fetched));
    }

    [Fact]
    public void A_given_sha256_that_the_bytes_do_not_have_fails_registration_and_commits_nothing()
    {
        var file = StoreTestFiles.Random(Files, "model.onnx", 4096);
        var url = _server.Serve("model.onnx", file.Path);
        var head = _registry.Registry.Head;

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = url, Sha256 = new string('0', 64) }));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Contains(file.Sha256, error.Message);
        Assert.Equal(head, _registry.Registry.Head);
    }

    [Fact]
    public void Bytes_changed_on_the_server_after_registration_are_detected_and_nothing_is_left()
    {
        var file = StoreTestFiles.Random(Files, "model.onnx", 64 * 1024);
        var url = _server.Serve("model.onnx", file.Path);
        _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = url });
        var bytes = File.ReadAllBytes(file.Path);
        bytes[1000] ^= 0xff;
        File.WriteAllBytes(file.Path, bytes);

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Contains("is corrupt", error.Message);
        Assert.Contains(url, error.Message);
        Assert.Empty(Directory.Exists(Out) ? Directory.GetFileSystemEntries(Out) : []);
    }

    [Fact]
    public void A_server_stopped_mid_download_is_retried_and_the_fetch_completes()
    {
        var file = StoreTestFiles.Random(Files, "model.onnx", 2 * 1024 * 1024);
        var url = _server.Serve("model.onnx", file.Path);
        _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = url });
        var before = _server.Requests;
        _server.DropMidResponse(2);

        var fetched = _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out);

        Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(fetched));
        Assert.Equal(3, _server.Requests - before);
        Assert.Equal(["model.onnx"], Directory.GetFileSystemEntries(Out).Select(Path.GetFileName));
    }

    [Fact]
    public void A_server_that_keeps_dropping_fails_after_the_retries_with_nothing_left_behind()
    {
        var file = StoreTestFiles.Random(Files, "model.onnx", 256 * 1024);
        var url = _server.Serve("model.onnx", file.Path);
        _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = url });
        _server.DropMidResponse(100);

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.FetchArtifact(_registry.Registry.Resolve("models:/churn/1"), Out));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Contains($"reading the artifact {url} failed after {VerifiedTransfer.MaxRetries} retries", error.Message);
        Assert.Empty(Directory.Exists(Out) ? Directory.GetFileSystemEntries(Out) : []);
    }

    [Fact]
    public void A_missing_file_is_a_clear_not_found_naming_the_url()
    {
        var url = _server.BaseUrl + "nowhere/model.onnx";

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = url }));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Equal($"the artifact {url} was not found (HTTP 404)", error.Message);
    }

    [Fact]
    public void The_bearer_token_comes_from_the_configured_variable_and_a_wrong_one_is_a_clear_auth_error()
    {
        var variable = "GITREG_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        StoreTestFiles.ConfigureStore(_registry, $"  type: http\n  url: {_server.BaseUrl}\n  token_variable: {variable}\n");
        var file = StoreTestFiles.Random(Files, "model.onnx", 4096);
        var url = _server.Serve("model.onnx", file.Path);
        _server.RequiredToken = "s3cret";
        Environment.SetEnvironmentVariable(variable, "wrong");
        try
        {
            var error = Assert.Throws<RegistryException>(() => _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = url }));
            Environment.SetEnvironmentVariable(variable, "s3cret");
            var result = _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactUri = url });

            Assert.Equal(ErrorKind.Artifact, error.Kind);
            Assert.Equal($"access to the artifact {url} was denied (HTTP 401)", error.Message);
            Assert.Contains(variable, error.Fix);
            Assert.Equal(file.Sha256, result.Manifest.Artifact.Sha256);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void An_http_store_cannot_take_new_files()
    {
        StoreTestFiles.ConfigureStore(_registry, $"  type: http\n  url: {_server.BaseUrl}\n");

        var error = Assert.Throws<RegistryException>(() => _registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = _registry.WriteFile("model.onnx", "x") }));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("--artifact-uri", error.Fix);
    }

    public void Dispose()
    {
        _server.Dispose();
        _registry.Dispose();
    }
}

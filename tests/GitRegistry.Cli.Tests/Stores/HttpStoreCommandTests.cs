namespace GitRegistry.Cli.Tests.Stores;

/// <summary>
/// An <c>http</c> artifact store (read only, bearer token from an environment variable) configured in registry.yaml,
/// against a real loopback HTTP server, used through the real gitreg.
/// </summary>
public sealed class HttpStoreCommandTests : IDisposable
{
    private readonly LoopbackHttpServer _server = new() { RequiredToken = "s3cret-token" };
    private readonly RemoteStoreRegistry _registry;

    public HttpStoreCommandTests() =>
        _registry = new RemoteStoreRegistry($"  type: http\n  url: {_server.BaseUrl}\n  token_variable: MODELS_TOKEN\n",
            new Dictionary<string, string> { ["MODELS_TOKEN"] = "s3cret-token" });

    [Fact]
    public void A_published_artifact_is_registered_by_url_and_a_fresh_clone_fetches_it_with_the_token()
    {
        var published = _registry.Author.ModelFile(size: 200_000);
        var url = _server.Serve("churn/7/model.onnx", published);

        var recorded = _registry.Register("churn", "--artifact-uri", url, "--sha256", RemoteStoreRegistry.Sha256(published));

        Assert.Equal(url, recorded);
        _registry.ShouldFetchInFreshClone("models:/churn/1", published);
    }

    [Fact]
    public void A_reader_without_the_token_is_told_which_variable_to_set()
    {
        var url = _server.Serve("churn/7/model.onnx", _registry.Author.ModelFile(size: 1000));
        _registry.Register("churn", "--artifact-uri", url);
        _registry.Reader.Environment.Remove("MODELS_TOKEN");

        var denied = _registry.FetchInFreshClone("models:/churn/1").ShouldFailWith(ExitCodes.ArtifactFailed);

        var error = denied.ErrorJson["error"]!;
        Assert.Contains($"access to the artifact {url} was denied (HTTP 401)", (string)error["message"]!);
        Assert.Contains("MODELS_TOKEN", error.ToString());
    }

    public void Dispose()
    {
        _registry.Dispose();
        _server.Dispose();
    }
}

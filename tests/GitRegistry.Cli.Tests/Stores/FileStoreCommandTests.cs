namespace GitRegistry.Cli.Tests.Stores;

/// <summary>A <c>file</c> artifact store (a folder on a shared drive) configured in registry.yaml, used through the real gitreg.</summary>
public sealed class FileStoreCommandTests : IDisposable
{
    private readonly string _share;
    private readonly RemoteStoreRegistry _registry;

    public FileStoreCommandTests()
    {
        _share = Path.Combine(Path.GetTempPath(), "gitreg-share-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_share);
        _registry = new RemoteStoreRegistry($"  type: file\n  path: {_share}\n");
    }

    [Fact]
    public void Register_puts_the_artifact_on_the_share_and_a_fresh_clone_fetches_it_from_there()
    {
        var model = _registry.Author.ModelFile(size: 300_000);
        var sha256 = RemoteStoreRegistry.Sha256(model);

        var uri = _registry.Register("churn", "--artifact", model);

        Assert.Equal(new Uri(Path.Combine(_share, "sha256", sha256[..2], sha256)).AbsoluteUri, uri);
        _registry.ShouldFetchInFreshClone("models:/churn/1", model);
    }

    [Fact]
    public void A_file_already_on_the_share_is_registered_by_uri_and_a_fresh_clone_fetches_it()
    {
        var exported = Path.Combine(_share, "exports", "churn-v7.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(exported)!);
        File.Copy(_registry.Author.ModelFile(size: 50_000), exported);
        var uri = new Uri(exported).AbsoluteUri;

        var recorded = _registry.Register("churn", "--artifact-uri", uri, "--sha256", RemoteStoreRegistry.Sha256(exported));

        Assert.Equal(uri, recorded);
        _registry.ShouldFetchInFreshClone("models:/churn/1", exported);
    }

    public void Dispose()
    {
        _registry.Dispose();
        Directory.Delete(_share, recursive: true);
    }
}

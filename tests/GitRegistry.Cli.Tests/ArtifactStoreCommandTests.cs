using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

/// <summary>gitreg register --artifact-uri, gitreg artifact from a file:// store, and gitreg gc, run as a user would.</summary>
public sealed class ArtifactStoreCommandTests : IDisposable
{
    private readonly CliHarness _user = new();
    private readonly string _registry;

    public ArtifactStoreCommandTests()
    {
        _registry = _user.InitRegistry();
        _user.Environment["GITREG_REGISTRY"] = _registry;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void Register_by_file_uri_checks_the_given_sha256_and_artifact_fetches_it()
    {
        var model = _user.ModelFile(size: 20_000);
        var uri = new Uri(model).AbsoluteUri;

        var registered = _user.GitReg("--json", "register", "churn", "--artifact-uri", uri, "--sha256", Sha256(model).ToUpperInvariant()).ShouldSucceed();
        var fetched = _user.GitReg("--json", "artifact", "models:/churn/1", "-o", _user.PathOf("out")).ShouldSucceed();

        Assert.Equal(uri, (string)registered.Json["manifest"]!["artifact"]!["uri"]!);
        Assert.Equal(File.ReadAllBytes(model), File.ReadAllBytes((string)fetched.Json["path"]!));
    }

    [Fact]
    public void Register_by_uri_with_a_wrong_sha256_fails_with_the_artifact_exit_code()
    {
        var model = _user.ModelFile(size: 1000);

        var result = _user.GitReg("--json", "register", "churn", "--artifact-uri", new Uri(model).AbsoluteUri, "--sha256", new string('a', 64))
            .ShouldFailWith(ExitCodes.ArtifactFailed);

        Assert.Contains(Sha256(model), (string)result.ErrorJson["error"]!["message"]!);
    }

    [Fact]
    public void Register_needs_exactly_one_of_artifact_and_artifact_uri()
    {
        _user.GitReg("register", "churn").ShouldFailWith(ExitCodes.Usage);
    }

    [Fact]
    public void Gc_dry_run_lists_nothing_when_every_blob_is_referenced()
    {
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile(size: 100)).ShouldSucceed();

        var result = _user.GitReg("--json", "gc", "--dry-run").ShouldSucceed();

        Assert.True((bool)result.Json["dry_run"]!);
        Assert.Empty((JArray)result.Json["unreferenced"]!);
    }

    public void Dispose() => _user.Dispose();
}

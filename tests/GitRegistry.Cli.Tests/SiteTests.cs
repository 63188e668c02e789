namespace GitRegistry.Cli.Tests;

/// <summary>gitreg site as a user runs it: the real executable on a registry made with the CLI.</summary>
public sealed class SiteTests : IDisposable
{
    private readonly CliHarness _user = new();
    private readonly string _registry;

    public SiteTests()
    {
        _registry = _user.InitRegistry();
        _user.Environment["GITREG_REGISTRY"] = _registry;
    }

    [Fact]
    public void Site_writes_the_catalog_into_the_folder_and_reports_what_it_wrote()
    {
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile(seed: 1), "--metric", "test.auc=0.81").ShouldSucceed();
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile(seed: 2), "--metric", "test.auc=0.84").ShouldSucceed();
        _user.GitReg("transition", "churn", "2", "Production").ShouldSucceed();
        var output = _user.PathOf("site");

        var json = _user.GitReg("--json", "site", "-o", output).ShouldSucceed().Json;

        Assert.Equal((5, 1), ((int)json["pages"]!, (int)json["models"]!));
        Assert.Equal(Path.Combine(output, "index.html"), (string)json["index"]!);
        Assert.Contains(">v2</a>", File.ReadAllText(Path.Combine(output, "index.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "models", "churn", "diff-1-2.html")));
    }

    [Fact]
    public void Site_without_an_output_folder_is_a_usage_error()
    {
        _user.GitReg("site").ShouldFailWith(ExitCodes.Usage);
    }

    public void Dispose() => _user.Dispose();
}

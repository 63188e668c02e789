namespace GitRegistry.Cli.Tests;

public sealed class CliReferenceTests
{
    [Fact]
    public void Docs_cli_md_is_the_reference_generated_from_the_command_definitions()
    {
        using var user = new CliHarness(signingKey: false);
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "GitRegistry.sln")))
        {
            root = root.Parent!;
        }

        var generated = user.GitReg("reference").ShouldSucceed().StandardOutput;

        Assert.True(generated == File.ReadAllText(Path.Combine(root.FullName, "docs", "cli.md")),
            "docs/cli.md is stale: regenerate it with 'dotnet run --project src/GitRegistry.Cli -- reference > docs/cli.md'");
        Assert.Contains("## gitreg transition", generated);
        Assert.Contains("--archive-existing", generated);
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace GitRegistry.EndToEnd.Tests;

/// <summary>
/// The README's first command, exactly as a new user types it on a fresh machine: it must run the whole flow and end
/// with the audit log and a curl line, and exit on its own when nobody is at the terminal.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(PackedFeed.Collection)]
public sealed partial class ReadmeDemoTests
{
    [Fact]
    public async Task The_readmes_first_command_runs_the_whole_flow_and_exits_when_not_interactive()
    {
        var command = FirstCommand(File.ReadAllText(Path.Combine(SourcePackages.RepositoryRoot, "README.md")));
        Assert.Equal("dotnet run --project samples/Demo", command);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = SourcePackages.RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // As on a CI machine, where CI=true makes ModelReference builds default to locked mode: the demo must still run.
        start.Environment["CI"] = "true";
        foreach (var argument in command.Split(' ').Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        using var demo = Process.Start(start)!;
        demo.StandardInput.Close();
        var output = demo.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = demo.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await demo.WaitForExitAsync(TestContext.Current.CancellationToken);
        var text = await output;
        var work = WorkingIn().Match(text);
        try
        {
            Assert.True(demo.ExitCode == 0, $"the demo exited with {demo.ExitCode}:\n{text}\n{await error}");
            Assert.Matches(@"POST http://127\.0\.0\.1:\d+/predict -> 200 \{""churn_probability"":[0-9.]+,""model"":""churn_predictor"",""version"":2\}", text);
            Assert.Contains("churn_predictor version 1 archived from Production", text);
            Assert.Contains("approved churn_predictor version 2 for Production", text);
            Assert.DoesNotContain("unverified", text);
            Assert.Matches(@"curl -s http://127\.0\.0\.1:\d+/predict ", text);
        }
        finally
        {
            if (work.Success && Directory.Exists(work.Groups[1].Value))
            {
                Directory.Delete(work.Groups[1].Value, recursive: true);
            }
        }
    }

    // The first line of the README's first code block, without its trailing comment.
    private static string FirstCommand(string readme)
    {
        var block = readme[(readme.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..];
        var line = block[..block.IndexOf('\n')];
        return line.Split('#')[0].Trim();
    }

    [GeneratedRegex(@"^Working in (\S+)$", RegexOptions.Multiline)]
    private static partial Regex WorkingIn();
}

using System.Diagnostics;

namespace GitRegistry.EndToEnd.Tests;

/// <summary>GitRegistry.Runtime, .Runtime.AspNetCore and .Build packed with the real <c>dotnet pack</c> into a folder feed.</summary>
public static class PackedFeed
{
    /// <summary>Tests that pack or build the src projects run one at a time: two builds of one project race on its obj folder.</summary>
    public const string Collection = "builds the src projects";

    public static void Pack(string feed)
    {
        foreach (var project in new[] { "GitRegistry.Runtime", "GitRegistry.Runtime.AspNetCore", "GitRegistry.Build" })
        {
            // Packed the way the repository builds them (this machine's HOME and NuGet cache), not in the test user's sandbox.
            var path = Path.Combine(ServingApp.RepositoryRoot, "src", project, project + ".csproj");
            var start = new ProcessStartInfo("dotnet", ["pack", path, "-o", feed, "-nodeReuse:false", "-v:q", "-nologo"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"dotnet pack {project} failed:\n{output.Result}\n{error.Result}");
        }
    }
}

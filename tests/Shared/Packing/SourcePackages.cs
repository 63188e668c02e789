using System.Diagnostics;

namespace GitRegistry.Testing;

/// <summary>
/// The repository's own packages (src/GitRegistry.*) packed with the real <c>dotnet pack</c> into a folder feed, the
/// way the repository builds them (its own restore and NuGet cache). Shared by the build and end-to-end tests.
/// </summary>
public static class SourcePackages
{
    /// <summary>The checkout the tests were built from: the first folder above the test output holding GitRegistry.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Packs each of <paramref name="projects"/> (names under src/) into <paramref name="feed"/>.</summary>
    public static void Pack(string feed, params string[] projects)
    {
        Directory.CreateDirectory(feed);
        foreach (var project in projects)
        {
            var path = Path.Combine(RepositoryRoot, "src", project, project + ".csproj");
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
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{output.Result}\n{error.Result}");
            }
        }
    }

    /// <summary>
    /// A NuGet.config for a project built against <paramref name="feed"/>: GitRegistry.* only from the feed (a packed
    /// 0.1.0 must never be mixed up with a published one), everything else from the machine's registry.
    /// </summary>
    public static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="local" value="{feed}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
          </packageSources>
          <packageSourceMapping>
            <packageSource key="local"><package pattern="GitRegistry.*" /></packageSource>
            <packageSource key="nuget.org"><package pattern="*" /></packageSource>
          </packageSourceMapping>
        </configuration>
        """;

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GitRegistry.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("GitRegistry.sln not found above the test output");
    }
}

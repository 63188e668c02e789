using System.Diagnostics;

namespace GitRegistry.Build.Tests;

/// <summary>
/// GitRegistry.Build and GitRegistry.Runtime packed (real <c>dotnet pack</c>) into a local folder feed, once for all
/// end-to-end tests, with an isolated NuGet packages folder that the serving projects restore into.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        Directory.CreateDirectory(Feed);
        foreach (var project in new[] { "GitRegistry.Runtime", "GitRegistry.Build" })
        {
            Pack(Path.Combine(RepositoryRoot, "src", project, project + ".csproj"));
        }
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("gitreg-feed-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    public string Packages => Path.Combine(Root, "packages");

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GitRegistry.sln")))
            {
                directory = directory.Parent;
            }
            return directory?.FullName ?? throw new InvalidOperationException("GitRegistry.sln not found above the test output");
        }
    }

    private void Pack(string project)
    {
        // The packages are built the way the repository builds them (its own restore and NuGet cache); only the
        // serving projects below get an isolated packages folder.
        var start = new ProcessStartInfo("dotnet", ["pack", project, "-o", Feed, "-nodeReuse:false", "-v:q", "-nologo"])
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

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the OS cleans temp folders eventually.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}

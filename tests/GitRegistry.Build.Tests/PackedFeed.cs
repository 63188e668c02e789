namespace GitRegistry.Build.Tests;

/// <summary>
/// GitRegistry.Build and GitRegistry.Runtime packed (real <c>dotnet pack</c>) into a local folder feed, once for all
/// end-to-end tests, with an isolated NuGet packages folder that the serving projects restore into.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        SourcePackages.Pack(Feed, "GitRegistry.Runtime", "GitRegistry.Build");
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("gitreg-feed-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    public string Packages => Path.Combine(Root, "packages");

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

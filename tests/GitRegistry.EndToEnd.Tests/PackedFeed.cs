namespace GitRegistry.EndToEnd.Tests;

/// <summary>GitRegistry.Runtime, .Runtime.AspNetCore and .Build packed with the real <c>dotnet pack</c> into a folder feed.</summary>
public static class PackedFeed
{
    /// <summary>Tests that pack or build the src projects run one at a time: two builds of one project race on its obj folder.</summary>
    public const string Collection = "builds the src projects";

    public static void Pack(string feed) => SourcePackages.Pack(feed, "GitRegistry.Runtime", "GitRegistry.Runtime.AspNetCore", "GitRegistry.Build");
}

using System.Diagnostics;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Storage;

namespace GitRegistry.Bench;

/// <summary>
/// Where the time of reading a registry goes, on a fixture: tree diffs (whole tree vs changed paths), reading
/// manifests by path, and per manifest YAML parsing, the schema check and conversion.
/// </summary>
internal static class ParseProbe
{
    public static void Run(string registry)
    {
        using var registryHandle = Registry.Open(registry); // applies the object cache settings gitreg uses
        using var git = new LibGit2Sharp.Repository(registry);
        var snapshot = new RegistrySnapshot(git.Head.Tip);

        var clock = Stopwatch.StartNew();
        var commits = 0;
        for (var c = git.Head.Tip; c is not null && commits < 20; c = c.Parents.FirstOrDefault(), commits++)
        {
            _ = git.Diff.Compare<LibGit2Sharp.TreeChanges>(c.Parents.FirstOrDefault()?.Tree, c.Tree).Count;
        }
        var whole = clock.Elapsed / commits;
        clock.Restart();
        for (var c = git.Head.Tip; c is not null && commits > 0; c = c.Parents.FirstOrDefault(), commits--)
        {
            _ = TreeDiff.Compare(git, c.Parents.FirstOrDefault()?.Tree, c.Tree).Count;
        }
        Console.WriteLine($"tree diff per commit: libgit2 over the whole tree {whole.TotalMilliseconds:F2} ms, changed paths only {clock.Elapsed.TotalMilliseconds / 20:F2} ms");

        var read = new Stopwatch();
        var parse = new Stopwatch();
        var check = new Stopwatch();
        var convert = new Stopwatch();
        var manifests = 0;
        var fallbacks = 0;
        foreach (var model in Enumerable.Range(0, 50).Select(ScaleFixture.ModelNameOf))
        {
            foreach (var file in snapshot.List(RegistryPaths.VersionsFolder(model), folders: false))
            {
                read.Start();
                var text = snapshot.ReadFile($"{RegistryPaths.VersionsFolder(model)}/{file}")!;
                read.Stop();
                parse.Start();
                var token = DocumentSerializer.Parse(text, file);
                parse.Stop();
                check.Start();
                fallbacks += SchemaCatalog.PassesCompiledCheck(DocumentKind.ModelVersion, token) ? 0 : 1;
                check.Stop();
                convert.Start();
                DocumentSerializer.Convert<ModelVersion>(token);
                convert.Stop();
                manifests++;
            }
        }
        string Each(Stopwatch s) => $"{s.Elapsed.TotalMicroseconds / manifests:F0} us";
        Console.WriteLine($"{manifests} manifests, each: read by path {Each(read)}, YAML parse {Each(parse)}, compiled check {Each(check)} ({fallbacks} left to NJsonSchema), convert {Each(convert)}");

        var modelText = snapshot.ReadFile(RegistryPaths.ModelFile(ScaleFixture.ModelNameOf(1)))!;
        clock.Restart();
        for (var i = 0; i < 200; i++)
        {
            DocumentSerializer.Read<ModelState>(DocumentKind.Model, modelText, "model.yaml");
        }
        Console.WriteLine($"model.yaml ({modelText.Length:N0} characters): read {clock.Elapsed.TotalMilliseconds / 200:F2} ms");
    }
}

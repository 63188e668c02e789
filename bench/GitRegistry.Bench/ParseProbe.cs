using System.Diagnostics;
using GitRegistry.Documents;
using GitRegistry.Manifests;

namespace GitRegistry.Bench;

/// <summary>Where the time of reading one manifest goes: YAML parsing, schema validation, conversion.</summary>
internal static class ParseProbe
{
    public static void Run(string registry)
    {
        using var git = new LibGit2Sharp.Repository(registry);
        var text = new Storage.RegistrySnapshot(git.Head.Tip).ReadFile("models/model_0001/versions/3.yaml")!;
        var model = new Storage.RegistrySnapshot(git.Head.Tip).ReadFile("models/model_0001/model.yaml")!;
        for (var round = 0; round < 2; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 1000; i++) DocumentSerializer.Parse(text, "x");
            var parse = clock.Elapsed; clock.Restart();
            var token = DocumentSerializer.Parse(text, "x");
            for (var i = 0; i < 1000; i++) SchemaCatalog.Validate(DocumentKind.ModelVersion, token, "x");
            var validate = clock.Elapsed; clock.Restart();
            for (var i = 0; i < 1000; i++) DocumentSerializer.Convert<ModelVersion>(token);
            var convert = clock.Elapsed; clock.Restart();
            for (var i = 0; i < 1000; i++) DocumentSerializer.Read<ModelState>(DocumentKind.Model, model, "x");
            var modelRead = clock.Elapsed;
            Console.WriteLine($"per manifest: parse {parse.TotalMilliseconds / 1000:F3} ms, validate {validate.TotalMilliseconds / 1000:F3} ms, convert {convert.TotalMilliseconds / 1000:F3} ms; model.yaml read {modelRead.TotalMilliseconds / 1000:F3} ms");
        }
    }
}

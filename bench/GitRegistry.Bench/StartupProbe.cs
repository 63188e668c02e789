using System.Diagnostics;
using GitRegistry.Configuration;
using GitRegistry.Documents;
using LibGit2Sharp;

namespace GitRegistry.Bench;

/// <summary>
/// Where a cold <c>gitreg resolve</c> spends its time, in a fresh process: the runtime reaching Main, then the
/// first use of each library a resolve needs (libgit2, YamlDotNet, the schema check, Newtonsoft's conversion),
/// then the resolve itself, first and warm. Run it a few times; each run is one cold start.
/// </summary>
internal static class StartupProbe
{
    public static void Run(string registry, string uri)
    {
        var toMain = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var model = ModelUri.Parse(uri).Name;
        var clock = Stopwatch.StartNew();
        var phases = new List<(string, TimeSpan)>();
        void Phase(string name)
        {
            phases.Add((name, clock.Elapsed));
            clock.Restart();
        }

        string registryText, modelText;
        using (var git = new Repository(registry))
        {
            registryText = ((Blob)git.Head.Tip["registry.yaml"].Target).GetContentText();
            modelText = ((Blob)git.Head.Tip[$"models/{model}/model.yaml"].Target).GetContentText();
        }
        Phase("libgit2: open, read two files");
        var token = DocumentSerializer.Parse(registryText, "registry.yaml");
        Phase("YamlDotNet: first parse");
        SchemaCatalog.Validate(DocumentKind.Registry, token, "registry.yaml");
        Phase("schema check: first (registry.yaml)");
        DocumentSerializer.Convert<RegistryConfig>(token);
        Phase("Newtonsoft: first conversion to a type");
        SchemaCatalog.Validate(DocumentKind.Model, DocumentSerializer.Parse(modelText, "model.yaml"), "model.yaml");
        Phase("model.yaml: parse and check");
        using var opened = Registry.Open(registry);
        Phase("Registry.Open");
        var resolved = opened.Resolve(uri);
        Phase("first resolve");
        opened.Resolve(uri);
        Phase("warm resolve");

        Console.WriteLine($"to Main {toMain.TotalMilliseconds:F0} ms; {string.Join("; ", phases.Select(p => $"{p.Item1} {p.Item2.TotalMilliseconds:F1} ms"))} ({resolved.Name} v{resolved.Version})");
    }
}

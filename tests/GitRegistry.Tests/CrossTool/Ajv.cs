using System.Reflection;
using System.Text.Json;
using GitRegistry.Documents;

namespace GitRegistry.Tests.CrossTool;

/// <summary>
/// Runs <c>ajv/validate.js</c> (ajv, draft-07, with js-yaml's YAML 1.2 core schema) over files, against the
/// schema files in the repository's <c>schema/</c> folder: the second opinion our validator must agree with.
/// </summary>
public static class Ajv
{
    /// <summary>The repository root, recorded at build time.</summary>
    public static string RepositoryRoot { get; } = typeof(Ajv).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The node project holding the script, relative to the repository root.</summary>
    public const string Folder = "tests/GitRegistry.Tests/ajv";

    /// <summary>The schema file of a kind, as shipped.</summary>
    public static string SchemaFile(DocumentKind kind) => Path.Combine(RepositoryRoot, "schema", SchemaCatalog.FileName(kind));

    /// <summary>Validates each file against its kind's schema; returns the verdicts by file path.</summary>
    public static IReadOnlyDictionary<string, AjvVerdict> Validate(IEnumerable<(string File, DocumentKind Kind)> files)
    {
        var arguments = new List<string>();
        foreach (var group in files.GroupBy(f => f.Kind))
        {
            arguments.Add("--schema");
            arguments.Add(SchemaFile(group.Key));
            arguments.AddRange(group.Select(f => f.File));
        }
        using var output = JsonDocument.Parse(Run(arguments));
        return output.RootElement.EnumerateArray().Select(e => new AjvVerdict(
                e.GetProperty("file").GetString()!,
                e.GetProperty("valid").GetBoolean(),
                e.GetProperty("yamlError").ValueKind == JsonValueKind.String ? e.GetProperty("yamlError").GetString() : null,
                e.GetProperty("errors").EnumerateArray().Select(x => x.GetString()!).ToList()))
            .ToDictionary(v => v.File);
    }

    /// <summary>Reads files with js-yaml; returns each file's parsed value (core and default schema) as JSON.</summary>
    public static IReadOnlyDictionary<string, (JsonElement Core, JsonElement Default)> Parse(IEnumerable<string> files)
    {
        var output = JsonDocument.Parse(Run(["--parse", .. files]));
        return output.RootElement.EnumerateArray().ToDictionary(
            e => e.GetProperty("file").GetString()!,
            e => (e.GetProperty("core").Clone(), e.GetProperty("default").Clone()));
    }

    /// <summary>Fails with what to run when the node packages of <paramref name="folder"/> are not installed.</summary>
    public static void EnsureInstalled(string folder)
    {
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "ajv")) || !Directory.Exists(Path.Combine(folder, "node_modules", "js-yaml")))
        {
            throw new Xunit.Sdk.XunitException(
                $"ajv is not installed for the cross-check: run 'npm ci' in {Folder} (that is, cd {folder} && npm ci)");
        }
    }

    private static string Run(IReadOnlyList<string> arguments)
    {
        var folder = Path.Combine(RepositoryRoot, Folder);
        EnsureInstalled(folder);
        var result = Command.Run("node", [Path.Combine(folder, "validate.js"), .. arguments], folder);
        if (!result.Succeeded)
        {
            throw new Xunit.Sdk.XunitException($"{Folder}/validate.js failed ({result.ExitCode}):\n{result.StandardError}");
        }
        return result.StandardOutput;
    }
}

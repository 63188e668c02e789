using System.Text.RegularExpressions;

namespace GitRegistry.Storage;

/// <summary>The files of registry-template/, embedded in the library, as a new registry's first commit.</summary>
internal static partial class RegistryTemplate
{
    private const string Prefix = "GitRegistry.Template/";

    public static Dictionary<string, string?> Files(string registryName)
    {
        var assembly = typeof(RegistryTemplate).Assembly;
        var files = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var path = resource[Prefix.Length..].Replace('\\', '/');
            files[path] = reader.ReadToEnd();
        }
        if (!files.TryGetValue(Configuration.RegistryConfig.FileName, out var config) || config is null)
        {
            throw new InvalidOperationException("the registry template has no registry.yaml");
        }
        // Keep the template's comments: replace only the value of its top-level name line.
        var quoted = "\"" + registryName.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        files[Configuration.RegistryConfig.FileName] = NameLine().Replace(config, "name: " + quoted, 1);
        return files;
    }

    [GeneratedRegex(@"^name: .*$", RegexOptions.Multiline)]
    private static partial Regex NameLine();
}

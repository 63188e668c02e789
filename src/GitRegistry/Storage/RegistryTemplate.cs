using System.Text.RegularExpressions;

namespace GitRegistry.Storage;

/// <summary>The files of registry-template/, embedded in the library, as a new registry's first commit.</summary>
internal static partial class RegistryTemplate
{
    private const string Prefix = "GitRegistry.Template/";

    /// <summary>The template's files for a new registry, its first signer and maintainer being <paramref name="owner"/>.</summary>
    public static Dictionary<string, string?> Files(string registryName, Manifests.Person owner, Signing.CommitSigner signer, int approvals)
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
        config = NameLine().Replace(config, "name: " + quoted, 1);
        config = ApprovalsLine().Replace(config, m => m.Groups[1].Value + approvals.ToString(System.Globalization.CultureInfo.InvariantCulture) + m.Groups[2].Value, 1);
        config = config.Replace("owner@example.com", owner.Email, StringComparison.Ordinal);
        if (signer.Format == Signing.SigningFormat.Ssh)
        {
            files["allowed_signers"] += $"{owner.Email} namespaces=\"git\" {signer.SshPublicKeyLine()}\n";
        }
        else
        {
            config = config.Replace("  openpgp: []", $"  openpgp:\n    - principal: {owner.Email}\n      fingerprint: {signer.OpenPgpFingerprint()}", StringComparison.Ordinal);
        }
        files[Configuration.RegistryConfig.FileName] = config;
        return files;
    }

    [GeneratedRegex(@"^(      approvals: )[0-9]+(.*)$", RegexOptions.Multiline)]
    private static partial Regex ApprovalsLine();

    [GeneratedRegex(@"^name: .*$", RegexOptions.Multiline)]
    private static partial Regex NameLine();
}

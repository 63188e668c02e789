using System.Security.Cryptography;
using System.Text;
using GitRegistry.Documents;

namespace GitRegistry.Storage;

/// <summary>
/// What the caches kept in the git directory (validation, verification) were computed by: the schema texts and
/// this library's build. A cache written under another fingerprint is ignored, so a new rule or schema never
/// meets a verdict an older one gave.
/// </summary>
internal static class CacheFingerprint
{
    public static string Value { get; } = Compute();

    private static string Compute()
    {
        var schemas = string.Join("\n", Enum.GetValues<DocumentKind>().Select(SchemaCatalog.Text));
        var build = typeof(CacheFingerprint).Assembly.ManifestModule.ModuleVersionId;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{schemas}\n{build}")))[..16];
    }
}

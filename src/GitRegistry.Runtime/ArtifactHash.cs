using System.Security.Cryptography;

namespace GitRegistry.Runtime;

/// <summary>sha256 of a file, read in one streaming pass.</summary>
internal static class ArtifactHash
{
    public static (string Sha256, long Size) Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }
}

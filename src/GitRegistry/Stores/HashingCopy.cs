using System.Security.Cryptography;

namespace GitRegistry.Stores;

/// <summary>Copies a stream to a file while hashing it, so a large artifact is read exactly once and never held in memory.</summary>
internal static class HashingCopy
{
    private const int BufferSize = 1 << 20;

    /// <summary>Copies <paramref name="source"/> into a new file; returns its sha256 (lowercase hex) and size.</summary>
    public static (string Sha256, long Size) ToFile(Stream source, string destination, IProgress<long>? progress)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long total = 0;
        using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
        {
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                output.Write(buffer, 0, read);
                total += read;
                progress?.Report(total);
            }
            output.Flush(flushToDisk: true);
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    /// <summary>Reads a stream to its end; returns its sha256 (lowercase hex) and size.</summary>
    public static (string Sha256, long Size) OfStream(Stream source, IProgress<long>? progress)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
            progress?.Report(total);
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    /// <summary>The sha256 (lowercase hex) and size of a file.</summary>
    public static (string Sha256, long Size) OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        using var sha = SHA256.Create();
        return (Convert.ToHexStringLower(sha.ComputeHash(stream)), stream.Length);
    }
}

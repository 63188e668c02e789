namespace GitRegistry.Stores;

/// <summary>
/// A folder of blobs named by their sha256, <c>sha256/ab/abcdef...</c>. A write goes to a temporary file in the
/// folder and is renamed into place, so a crash never leaves a file under a hash it does not have; identical bytes
/// are kept once. Shared by the local store and the file-share store, which differ only in the URIs they record.
/// </summary>
internal sealed class ContentAddressedFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string BlobPath(string sha256) => Path.Combine(Root, "sha256", sha256[..2], sha256);

    public string TempFolder => Path.Combine(Root, "tmp");

    /// <summary>Copies a file in, hashing it while streaming; returns its sha256 and size.</summary>
    public (string Sha256, long Size) Put(string sourceFile, IProgress<long>? progress)
    {
        Directory.CreateDirectory(TempFolder);
        var partial = Path.Combine(TempFolder, Guid.NewGuid().ToString("N") + ".partial");
        try
        {
            string sha256;
            long size;
            using (var source = OpenSource(sourceFile))
            {
                (sha256, size) = HashingCopy.ToFile(source, partial, progress);
            }
            var blob = BlobPath(sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
            if (File.Exists(blob))
            {
                // Dedup: the bytes are there already. Touch the blob so that gc's grace period protects it until the commit lands.
                File.SetLastWriteTimeUtc(blob, DateTime.UtcNow);
                File.Delete(partial);
            }
            else
            {
                File.Move(partial, blob, overwrite: true);
            }
            return (sha256, size);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>Every blob in the folder (a file under <c>sha256/</c> whose name is a sha256).</summary>
    public IEnumerable<FileInfo> Blobs()
    {
        var folder = new DirectoryInfo(Path.Combine(Root, "sha256"));
        if (!folder.Exists)
        {
            return [];
        }
        return folder.EnumerateFiles("*", SearchOption.AllDirectories).Where(f => IsSha256(f.Name) && f.Directory?.Name == f.Name[..2]);
    }

    /// <summary>Temporary files left by interrupted writes.</summary>
    public IEnumerable<FileInfo> Partials() =>
        Directory.Exists(TempFolder) ? new DirectoryInfo(TempFolder).EnumerateFiles("*.partial") : [];

    public static bool IsSha256(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);

    internal static FileStream OpenSource(string path) =>
        new(ExistingFile(path), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);

    /// <summary>The full path of an artifact file to store, or a clear error when it is missing or a folder.</summary>
    internal static string ExistingFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new RegistryException(ErrorKind.Usage, $"'{path}' is a folder; an artifact is one file", "pack the folder into one archive (e.g. zip) and register that");
        }
        if (!File.Exists(path))
        {
            throw new RegistryException(ErrorKind.NotFound, $"the artifact file '{path}' does not exist", "check the path given to --artifact");
        }
        return Path.GetFullPath(path);
    }
}

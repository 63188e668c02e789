namespace GitRegistry.Storage;

/// <summary>
/// The files gitreg keeps beside the objects in the git directory to go faster next time (what passed validation,
/// verified commits, the search index). Each is written whole to a file of its own and renamed into place, so a
/// reader never sees half of one; a write that fails (a read-only git directory) only costs speed, never the
/// command.
/// </summary>
internal static class CacheFile
{
    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes, or leaves it as it was if that fails.</summary>
    public static void Replace(string path, Action<Stream> write)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                write(stream);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Its folder could not be made or is read-only: there is nothing to remove.
            }
        }
    }
}

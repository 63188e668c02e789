using System.Text;
using LibGit2Sharp;

namespace GitRegistry.Storage;

/// <summary>The registry's files at one commit, read straight from git objects (no checkout needed).</summary>
public sealed class RegistrySnapshot
{
    private readonly Commit? _commit;

    internal RegistrySnapshot(Commit? commit) => _commit = commit;

    internal Commit? Commit => _commit;

    /// <summary>The commit read, or null for a registry with no commit yet.</summary>
    public string? CommitId => _commit?.Sha;

    /// <summary>
    /// The same commit read through a repository handle of its own, for another thread: a libgit2 repository
    /// must not be used by two threads at once. Dispose it to close the handle.
    /// </summary>
    internal OwnSnapshot OpenOwnCopy()
    {
        if (_commit is null)
        {
            return new OwnSnapshot(null, this);
        }
        var repository = new Repository(((IBelongToARepository)_commit).Repository.Info.Path);
        return new OwnSnapshot(repository, new RegistrySnapshot(repository.Lookup<Commit>(_commit.Id)));
    }

    /// <summary>The file's text, or null when it does not exist.</summary>
    public string? ReadFile(string path)
    {
        if (_commit?[path] is not { TargetType: TreeEntryTargetType.Blob } entry)
        {
            return null;
        }
        if (entry.Mode == Mode.SymbolicLink)
        {
            throw new RegistryException(ErrorKind.Validation, $"{path} is a symbolic link; registry files must be regular files", $"replace the link with the file itself: git rm {path} and commit the real content");
        }
        var blob = (Blob)entry.Target;
        if (blob.Size > Documents.YamlReader.MaxBytes)
        {
            throw new DocumentException([new DocumentProblem(path, 0, "", $"is {blob.Size / 1024} KiB, more than a registry file may be", "keep large content out of registry files")]);
        }
        using var stream = blob.GetContentStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The blob id of a file, or null when it does not exist (a cache key for parsed files).</summary>
    internal ObjectId? BlobId(string path) => _commit?[path] is { TargetType: TreeEntryTargetType.Blob } entry ? entry.Target.Id : null;

    /// <summary>True when the path exists (file or folder).</summary>
    public bool Exists(string path) => _commit?[path] is not null;

    /// <summary>The names of the entries in a folder, or none when it does not exist.</summary>
    public IReadOnlyList<string> List(string folder, bool folders)
    {
        if (_commit?[folder] is not { TargetType: TreeEntryTargetType.Tree } entry)
        {
            return [];
        }
        var wanted = folders ? TreeEntryTargetType.Tree : TreeEntryTargetType.Blob;
        return ((Tree)entry.Target).Where(e => e.TargetType == wanted).Select(e => e.Name).ToList();
    }

    /// <summary>Every entry in a folder with its kind, for validation.</summary>
    internal IReadOnlyList<(string Name, TreeEntryTargetType Kind, Mode Mode, ObjectId Id)> Entries(string folder) =>
        _commit?[folder] is { TargetType: TreeEntryTargetType.Tree } entry
            ? ((Tree)entry.Target).Select(e => (e.Name, e.TargetType, e.Mode, e.Target.Id)).ToList()
            : folder.Length == 0 && _commit is not null ? _commit.Tree.Select(e => (e.Name, e.TargetType, e.Mode, e.Target.Id)).ToList() : [];

    /// <summary>The git directory of the repository read (for caches kept beside the objects).</summary>
    internal string? GitDirectory => _commit is null ? null : ((IBelongToARepository)_commit).Repository.Info.Path;
}

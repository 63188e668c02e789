using GitRegistry.Storage;

namespace GitRegistry;

public sealed partial class Registry
{
    /// <summary>Clones a registry from <paramref name="url"/> (any URL git accepts) into <paramref name="directory"/>.</summary>
    public static Registry Clone(string url, string directory, bool bare = false)
    {
        var full = Path.GetFullPath(directory);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new RegistryException(ErrorKind.Usage, $"'{full}' exists and is not empty", "choose a new or empty folder");
        }
        List<string> arguments = ["clone", "--quiet"];
        if (bare)
        {
            arguments.Add("--bare");
        }
        arguments.AddRange(["--", url, full]);
        var result = ChildProcess.Run("git", arguments);
        if (result.ExitCode != 0)
        {
            throw new RegistryException(ErrorKind.Repository, $"could not clone '{url}': {result.StandardError.Trim()}",
                "check the URL and your credentials (git's credential helper or ssh-agent)");
        }
        var registry = Open(full);
        _ = registry.Config; // fail now, not later, when the clone is not a registry
        return registry;
    }

    /// <summary>Fetches <paramref name="remote"/> and fast-forwards the branch to it.</summary>
    public SyncResult Pull(string remote = "origin") => RegistrySync.Pull(_repository, remote);

    /// <summary>Publishes local commits to <paramref name="remote"/>, re-applying them on its tip when it moved.</summary>
    public SyncResult Push(string remote = "origin") => RegistrySync.Push(_repository, remote);

    /// <summary>The configured remotes.</summary>
    public IReadOnlyList<string> Remotes => _repository.Git.Network.Remotes.Select(r => r.Name).ToList();

    /// <summary>When the registry last fetched (git's FETCH_HEAD), or null if never.</summary>
    public DateTimeOffset? LastFetched
    {
        get
        {
            var fetchHead = Path.Combine(GitDirectory, "FETCH_HEAD");
            return File.Exists(fetchHead) ? File.GetLastWriteTimeUtc(fetchHead) : null;
        }
    }
}

namespace GitRegistry.Storage;

/// <summary>
/// One branch of a remote, reached through the git CLI so that every transport git has (file paths, git://,
/// https with credential helpers, ssh with the agent) works as it does for git itself; gitreg stores no
/// credentials.
/// </summary>
internal sealed class GitRemote(string gitDirectory, string remote, string branchRef)
{
    private readonly string _branch = branchRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? branchRef["refs/heads/".Length..] : branchRef;

    public string Name => remote;

    public string TrackingRef => $"refs/remotes/{remote}/{_branch}";

    /// <summary>Fetches the branch into its remote-tracking ref; returns the remote tip, or null when the remote has no such branch.</summary>
    public string? Fetch()
    {
        var result = Git("fetch", "--quiet", "--no-tags", remote, $"+refs/heads/{_branch}:{TrackingRef}");
        if (result.ExitCode != 0)
        {
            if (result.StandardError.Contains("couldn't find remote ref", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            throw Failure("fetch from", result);
        }
        var tip = Git("rev-parse", "--verify", "--quiet", TrackingRef);
        return tip.ExitCode == 0 ? tip.StandardOutput.Trim() : null;
    }

    /// <summary>Pushes a commit to the branch without force; false when the remote moved (the push was rejected).</summary>
    public bool Push(string commit)
    {
        var result = Git("push", "--quiet", "--porcelain", remote, $"{commit}:refs/heads/{_branch}");
        if (result.ExitCode == 0)
        {
            Git("update-ref", TrackingRef, commit);
            return true;
        }
        var output = result.StandardOutput + result.StandardError;
        if (output.Contains("[rejected]", StringComparison.Ordinal) || output.Contains("non-fast-forward", StringComparison.Ordinal)
            || output.Contains("fetch first", StringComparison.Ordinal) || output.Contains("cannot lock ref", StringComparison.Ordinal)
            || output.Contains("failed to update ref", StringComparison.Ordinal) || output.Contains("[remote rejected]", StringComparison.Ordinal))
        {
            return false;
        }
        throw Failure("push to", result);
    }

    private RegistryException Failure(string action, ProcessResult result)
    {
        var message = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
            ?? result.StandardError.Trim();
        return new RegistryException(ErrorKind.Repository, $"could not {action} the remote '{remote}': {message}",
            "check the remote's URL (git remote -v), your network and your credentials (git's credential helper or ssh-agent)");
    }

    private ProcessResult Git(params string[] arguments) =>
        ChildProcess.Run("git", ["--git-dir", gitDirectory, .. arguments]);
}

using GitRegistry.Signing;
using GitRegistry.Validation;
using LibGit2Sharp;

namespace GitRegistry.Storage;

/// <summary>
/// Pull and push between a registry clone and its remote. Pull only fast-forwards. Push publishes local
/// commits; when the remote moved meanwhile, the local commits are re-applied on the remote tip (a tree-level
/// cherry-pick, re-signed by their author), the result is validated, and the push is retried. Anything that
/// does not apply cleanly is reported as a conflict, never overwritten.
/// </summary>
internal static class RegistrySync
{
    private const int MaxAttempts = 20;

    public static SyncResult Pull(RegistryRepository repository, string remote)
    {
        var branch = repository.BranchRef;
        var git = repository.Git;
        var remoteTip = new GitRemote(repository.GitDirectory, remote, branch).Fetch() is { } id ? git.Lookup<Commit>(id) : null;
        var local = repository.TipCommit();
        if (remoteTip is null)
        {
            return new SyncResult(false, $"{remote} has no {branch} yet; nothing to pull", local?.Sha);
        }
        if (local is not null && repository.IsAncestor(remoteTip, local))
        {
            var ahead = repository.CountAhead(local, remoteTip);
            return new SyncResult(false, ahead == 0 ? "already up to date" : $"already up to date; {ahead} local commit(s) to push", local.Sha);
        }
        if (local is not null && !repository.IsAncestor(local, remoteTip))
        {
            throw new RegistryException(ErrorKind.Conflict,
                $"{branch} and {remote} have diverged: {repository.CountAhead(local, remoteTip)} local commit(s) are not on {remote}, and it has others",
                "run 'gitreg push' to re-apply your local commits on top of the remote");
        }
        if (!repository.MoveBranch(branch, local, remoteTip))
        {
            throw new RegistryException(ErrorKind.Conflict, $"{branch} moved while pulling", "run gitreg pull again");
        }
        return new SyncResult(true, $"fast-forwarded to {remoteTip.Sha[..10]} ({remote})", remoteTip.Sha);
    }

    public static SyncResult Push(RegistryRepository repository, string remote)
    {
        var branch = repository.BranchRef;
        var git = repository.Git;
        var channel = new GitRemote(repository.GitDirectory, remote, branch);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var local = repository.TipCommit() ?? throw new RegistryException(ErrorKind.Usage, $"{branch} has no commits to push", "create the registry with gitreg init first");
            var remoteTip = channel.Fetch() is { } id ? git.Lookup<Commit>(id) : null;
            if (remoteTip is not null && repository.IsAncestor(local, remoteTip))
            {
                return new SyncResult(false, local.Id == remoteTip.Id ? "already up to date" : $"nothing to push; {remote} is ahead (run gitreg pull)", local.Sha);
            }
            var target = local;
            if (remoteTip is not null && !repository.IsAncestor(remoteTip, local))
            {
                target = Reapply(repository, local, remoteTip);
            }
            var count = repository.CountAhead(target, remoteTip);
            if (!channel.Push(target.Sha))
            {
                Thread.Sleep(Random.Shared.Next(5, 50 + attempt * 20));
                continue;
            }
            if (target.Id != local.Id && !repository.MoveBranch(branch, local, target))
            {
                throw new RegistryException(ErrorKind.Conflict, $"{branch} moved while pushing; {remote} has the re-applied commits", "run gitreg pull");
            }
            return new SyncResult(true, $"pushed {count} commit(s) to {remote}" + (target.Id == local.Id ? "" : " (re-applied on top of the remote's new commits)"), target.Sha);
        }
        throw new RegistryException(ErrorKind.Conflict, $"{remote} kept moving while pushing ({MaxAttempts} attempts)", "try again later");
    }

    /// <summary>Re-applies the local commits that the remote lacks on top of its tip, each re-signed; validates the result.</summary>
    private static Commit Reapply(RegistryRepository repository, Commit local, Commit remoteTip)
    {
        var git = repository.Git;
        var identity = repository.Identity();
        var signer = CommitSigner.FromConfig(repository.Config, identity);
        var mine = git.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = local, ExcludeReachableFrom = remoteTip, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse }).ToList();
        var onto = remoteTip;
        foreach (var commit in mine)
        {
            if (commit.Parents.Count() != 1)
            {
                throw new RegistryException(ErrorKind.Conflict, $"local commit {commit.Sha[..10]} is a merge, which gitreg does not re-apply", "merge with git itself, then push with git push");
            }
            if (!commit.Committer.Email.Equals(identity.Email, StringComparison.OrdinalIgnoreCase))
            {
                throw new RegistryException(ErrorKind.Conflict, $"local commit {commit.Sha[..10]} was made by {commit.Committer.Email}; only its author can re-sign it", "ask them to push it, or drop it");
            }
            var result = git.ObjectDatabase.CherryPickCommit(commit, onto, 0, new MergeTreeOptions { FailOnConflict = false });
            if (result.Status == MergeTreeStatus.Conflicts)
            {
                var paths = string.Join(", ", result.Conflicts.Select(c => c.Ours?.Path ?? c.Theirs?.Path ?? c.Ancestor?.Path).Distinct());
                throw new RegistryException(ErrorKind.Conflict,
                    $"your commit \"{commit.MessageShort}\" conflicts with what {repository.BranchRef} on the remote has now ({paths})",
                    "someone changed the same model in an incompatible way: look at 'git log HEAD..@{upstream}', then redo your change on top (git reset --hard @{upstream} discards your local commits)");
            }
            var payload = RegistryRepository.CommitPayload(result.Tree.Id, onto.Id, identity, commit.Message);
            var id = git.ObjectDatabase.CreateCommitWithSignature(payload, signer.Sign(payload).Replace("\r", "").TrimEnd('\n'));
            onto = git.Lookup<Commit>(id);
        }
        var problems = RegistryValidator.Validate(new RegistrySnapshot(onto));
        if (problems.Count > 0)
        {
            throw new RegistryException(ErrorKind.Conflict,
                $"your local commits and the remote's combine into an invalid registry: {problems[0]}" + (problems.Count > 1 ? $" (+{problems.Count - 1} more)" : ""),
                "redo your change on top of the remote: git reset --hard @{upstream}, then run the gitreg command again with --push");
        }
        return onto;
    }
}

using System.Globalization;
using System.Text;
using GitRegistry.Manifests;
using GitRegistry.Signing;
using LibGit2Sharp;

namespace GitRegistry.Storage;

/// <summary>
/// The git repository behind a registry, bare or not. Reads come from the branch tip's objects; each write
/// builds a tree and a signed commit directly in the object database, then moves the branch with a
/// compare-and-swap (<c>git update-ref NEW OLD</c>), redoing the write on the new tip when another writer got
/// there first. A working tree, if any, is brought up to date for the files written when they were clean.
/// </summary>
internal sealed class RegistryRepository : IDisposable
{
    private const int MaxAttempts = 100;
    private readonly Repository _repo;
    private GitConfig? _config;

    private RegistryRepository(Repository repo) => _repo = repo;

    public string GitDirectory => _repo.Info.Path;

    public string? WorkingDirectory => _repo.Info.WorkingDirectory;

    public bool IsBare => _repo.Info.IsBare;

    internal Repository Git => _repo;

    public static RegistryRepository Open(string path)
    {
        ObjectCache.Configure();
        var full = Path.GetFullPath(path);
        var found = Repository.Discover(full);
        if (found is null)
        {
            throw new RegistryException(ErrorKind.Repository, $"'{full}' is not inside a git repository",
                "run 'gitreg init' to create a registry there, or pass --registry PATH (or set GITREG_REGISTRY) to an existing one");
        }
        return new RegistryRepository(new Repository(found));
    }

    /// <summary>
    /// A branch to write to instead of HEAD's (e.g. a proposal branch for a pull request); created from HEAD's
    /// branch tip on the first write when it does not exist.
    /// </summary>
    public string? BranchOverride { get; set; }

    /// <summary>The branch writes go to: <see cref="BranchOverride"/>, else the one HEAD points at.</summary>
    public string BranchRef
    {
        get
        {
            if (BranchOverride is { } branch)
            {
                return branch.StartsWith("refs/", StringComparison.Ordinal) ? branch : "refs/heads/" + branch;
            }
            return HeadBranch;
        }
    }

    /// <summary>The branch HEAD points at.</summary>
    public string HeadBranch
    {
        get
        {
            var head = _repo.Refs.Head;
            if (head is SymbolicReference symbolic)
            {
                return symbolic.TargetIdentifier;
            }
            throw new RegistryException(ErrorKind.Repository, $"HEAD of {GitDirectory} is detached, so there is no branch to write to",
                "check out a branch: git switch main");
        }
    }

    public RegistrySnapshot Snapshot() => new(TipCommit());

    /// <summary>The registry as every branch (local and remote-tracking) and tag has it: what gc must keep.</summary>
    public IEnumerable<RegistrySnapshot> EveryRefSnapshot() =>
        _repo.Refs.Select(r => r.ResolveToDirectReference()?.Target)
            .Select(target => target is TagAnnotation annotation ? annotation.Target : target)
            .OfType<Commit>()
            .DistinctBy(c => c.Id)
            .Select(c => new RegistrySnapshot(c));

    public RegistrySnapshot SnapshotAt(string revision)
    {
        var commit = _repo.Lookup<Commit>(revision)
            ?? throw new NotFoundException($"'{revision}' is not a commit in {GitDirectory}", "pass a commit id, branch or tag that exists: git log --oneline");
        return new RegistrySnapshot(commit);
    }

    internal GitConfig Config => _config ??= GitConfig.Read(GitDirectory);

    /// <summary>Who is acting: git's user.name and user.email (environment overrides included).</summary>
    public Person Identity()
    {
        var name = Environment.GetEnvironmentVariable("GIT_COMMITTER_NAME") ?? Config.Get("user.name");
        var email = Environment.GetEnvironmentVariable("GIT_COMMITTER_EMAIL") ?? Config.Get("user.email");
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(email))
        {
            throw new RegistryException(ErrorKind.Signing, "git does not know who you are: user.name or user.email is not set",
                "git config --global user.name \"Your Name\" && git config --global user.email you@example.com");
        }
        if ((name + email).IndexOfAny(['<', '>', '\n', '\0']) >= 0)
        {
            throw new RegistryException(ErrorKind.Signing, "user.name or user.email contains '<', '>' or a line break", "set them to plain text: git config user.name \"Your Name\"");
        }
        return new Person { Name = name.Trim(), Email = email.Trim() };
    }

    /// <summary>
    /// Commits the change that <paramref name="build"/> computes from the current tip, retrying on the new tip
    /// when the branch moved. With <paramref name="remote"/>, the tip is the remote branch's (fetched first) and
    /// the commit is pushed; a rejected push (someone else wrote first) is retried on the new remote tip.
    /// Returns null when <paramref name="build"/> decided there is nothing to change.
    /// </summary>
    public string? Write(Func<RegistrySnapshot, PendingWrite?> build, string? remote = null)
    {
        var identity = Identity();
        var signer = CommitSigner.FromConfig(Config, identity);
        var branch = BranchRef;
        var remoteBranch = remote is null ? null : new GitRemote(GitDirectory, remote, branch);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var localTip = TipCommit();
            var tip = localTip;
            if (remoteBranch is not null)
            {
                var remoteTip = remoteBranch.Fetch() is { } id ? _repo.Lookup<Commit>(id) : null;
                if (localTip is not null && (remoteTip is null || !IsAncestor(localTip, remoteTip)))
                {
                    var ahead = remoteTip is null ? "the remote has no branch yet" : $"{CountAhead(localTip, remoteTip)} local commit(s) are not on {remote}";
                    throw new RegistryException(ErrorKind.Conflict, $"{branch} has commits that {remote} does not ({ahead})", "publish them first: gitreg push");
                }
                tip = remoteTip;
            }

            Hooks.Pause("before-build");
            var pending = build(new RegistrySnapshot(tip));
            if (pending is null)
            {
                MoveBranch(branch, localTip, tip);
                return null;
            }

            var tree = BuildTree(tip, pending.Files);
            if (tip is not null && tree.Id == tip.Tree.Id)
            {
                MoveBranch(branch, localTip, tip);
                return null;
            }
            var payload = CommitPayload(tree.Id, tip?.Id, identity, pending.Message());
            var signature = signer.Sign(payload).Replace("\r", "").TrimEnd('\n');
            var commitId = _repo.ObjectDatabase.CreateCommitWithSignature(payload, signature);
            Hooks.Pause("before-ref-update");

            if (remoteBranch is not null)
            {
                if (!remoteBranch.Push(commitId.Sha))
                {
                    Backoff(attempt);
                    continue;
                }
                // The remote has the commit; bring the local branch along (it was an ancestor of the remote tip).
                MoveBranch(branch, localTip, _repo.Lookup<Commit>(commitId));
                return commitId.Sha;
            }

            var onHead = !IsBare && branch == HeadBranch;
            var changes = onHead ? CleanChangedPaths(localTip, tree) : null;
            var expected = _repo.Refs[branch] is null ? null : localTip?.Id;
            if (TryMoveBranch(branch, commitId, expected, pending.Subject))
            {
                UpdateWorkingTree(commitId, changes);
                return commitId.Sha;
            }
            Backoff(attempt);
        }
        throw new RegistryException(ErrorKind.Conflict, $"the branch {branch} kept moving while writing ({MaxAttempts} attempts)", "try again; if it persists, check for a process writing in a loop");
    }

    /// <summary>Moves the local branch from <paramref name="from"/> to <paramref name="to"/> (compare-and-swap), updating the working-tree files the user has not changed.</summary>
    internal bool MoveBranch(string branch, Commit? from, Commit? to)
    {
        if (to is null || from?.Id == to.Id)
        {
            return true;
        }
        var changes = IsBare || branch != HeadBranch ? null : CleanChangedPaths(from, to.Tree);
        if (!TryMoveBranch(branch, to.Id, _repo.Refs[branch] is null ? null : from?.Id, "fast-forward"))
        {
            return false;
        }
        UpdateWorkingTree(to.Id, changes);
        return true;
    }

    internal bool IsAncestor(Commit ancestor, Commit descendant) =>
        ancestor.Id == descendant.Id || _repo.ObjectDatabase.FindMergeBase(ancestor, descendant)?.Id == ancestor.Id;

    internal int CountAhead(Commit local, Commit? remote) =>
        _repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = local, ExcludeReachableFrom = remote }).Count();

    private static void Backoff(int attempt) =>
        // Someone else wrote first: back off a little, with jitter so that racing writers spread out, and redo.
        Thread.Sleep(Random.Shared.Next(1, 10 + Math.Min(attempt, 20) * 10));

    internal Commit? TipCommit()
    {
        var reference = _repo.Refs[BranchRef];
        if (reference is null && BranchOverride is not null)
        {
            // A new proposal branch starts where HEAD's branch is.
            reference = _repo.Refs[HeadBranch];
        }
        return reference?.ResolveToDirectReference()?.Target as Commit;
    }

    private Tree BuildTree(Commit? tip, IReadOnlyDictionary<string, string?> files)
    {
        var definition = tip is null ? new TreeDefinition() : TreeDefinition.From(tip.Tree);
        foreach (var (path, content) in files)
        {
            if (content is null)
            {
                definition.Remove(path);
                continue;
            }
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
            var blob = _repo.ObjectDatabase.CreateBlob(stream);
            definition.Add(path, blob, Mode.NonExecutableFile);
        }
        return _repo.ObjectDatabase.CreateTree(definition);
    }

    /// <summary>The raw commit object text that git signs and stores (everything but the gpgsig header).</summary>
    internal static string CommitPayload(ObjectId tree, ObjectId? parent, Person who, string message, IEnumerable<ObjectId>? moreParents = null)
    {
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var ident = $"{who.Name} <{who.Email}> {seconds} +0000";
        var text = new StringBuilder();
        text.Append("tree ").Append(tree.Sha).Append('\n');
        if (parent is not null)
        {
            text.Append("parent ").Append(parent.Sha).Append('\n');
        }
        foreach (var other in moreParents ?? [])
        {
            text.Append("parent ").Append(other.Sha).Append('\n');
        }
        text.Append("author ").Append(ident).Append('\n');
        text.Append("committer ").Append(ident).Append('\n');
        text.Append('\n').Append(message);
        if (!message.EndsWith('\n'))
        {
            text.Append('\n');
        }
        return text.ToString();
    }

    internal bool TryMoveBranch(string branch, ObjectId commit, ObjectId? expected, string subject)
    {
        var old = expected?.Sha ?? new string('0', 40);
        var result = ChildProcess.Run("git", ["--git-dir", GitDirectory, "update-ref", "-m", "gitreg: " + subject, branch, commit.Sha, old]);
        if (result.ExitCode == 0)
        {
            _lockedSince = null;
            return true;
        }
        if (result.StandardError.Contains(".lock", StringComparison.Ordinal) && result.StandardError.Contains("exists", StringComparison.OrdinalIgnoreCase))
        {
            // Another writer holds the ref's lock for a moment, or a crashed one left it behind. Wait a little;
            // a lock that outlives that is reported with the file to remove, as git itself does.
            _lockedSince ??= DateTime.UtcNow;
            if (DateTime.UtcNow - _lockedSince > TimeSpan.FromSeconds(5))
            {
                var lockFile = Path.Combine(GitDirectory, branch + ".lock");
                throw new RegistryException(ErrorKind.Conflict, $"the branch {branch} stays locked by {lockFile}",
                    $"if no git or gitreg process is running on this registry, a crashed one left the lock behind: delete {lockFile}");
            }
        }
        return false;
    }

    private DateTime? _lockedSince;

    /// <summary>What to do with a working tree when its branch moves: files to update, and files the user is editing.</summary>
    /// <param name="Clean">Files whose working copy equals the old tip's (or is absent where it had none): updated to the new commit.</param>
    /// <param name="Edited">Files the user changed but did not stage: left alone in the working tree, but their index entry moves to the new commit.</param>
    private sealed record WorkingTreePlan(List<(string Path, bool Delete)> Clean, List<(string Path, bool Delete)> Edited);

    /// <summary>Sorts the files that differ between the current tip and <paramref name="target"/> into a <see cref="WorkingTreePlan"/>.</summary>
    private WorkingTreePlan CleanChangedPaths(Commit? tip, Tree target)
    {
        var plan = new WorkingTreePlan([], []);
        var changes = TreeDiff.Compare(_repo, tip?.Tree, target);
        foreach (var change in changes)
        {
            var path = change.Path;
            var full = Path.Combine(WorkingDirectory!, path);
            var delete = change.Status == ChangeKind.Deleted;
            if (change.Status == ChangeKind.Added)
            {
                (File.Exists(full) ? plan.Edited : plan.Clean).Add((path, false));
                continue;
            }
            // The branch tip is HEAD's commit here, so "unaltered" means the file equals the tip's version.
            var status = _repo.RetrieveStatus(path);
            if (status == FileStatus.Unaltered)
            {
                plan.Clean.Add((path, delete));
            }
            else if (status is FileStatus.ModifiedInWorkdir or FileStatus.DeletedFromWorkdir)
            {
                plan.Edited.Add((path, delete));
            }
        }
        return plan;
    }

    /// <summary>
    /// Points the index at the new commit's version of files whose working copy the user is editing, as
    /// 'git checkout' does with local changes. Left at the old version, the index would stage a silent revert of
    /// this write, which the next plain 'git commit' would make.
    /// </summary>
    private void UpdateIndex(ObjectId commit, List<(string Path, bool Delete)>? paths)
    {
        if (paths is null || paths.Count == 0)
        {
            return;
        }
        var written = _repo.Lookup<Commit>(commit);
        foreach (var (path, delete) in paths)
        {
            if (delete)
            {
                _repo.Index.Remove(path);
            }
            else
            {
                _repo.Index.Add((Blob)written[path].Target, path, Mode.NonExecutableFile);
            }
        }
        _repo.Index.Write();
    }

    private void UpdateWorkingTree(ObjectId commit, WorkingTreePlan? plan)
    {
        if (plan is null)
        {
            return;
        }
        UpdateIndex(commit, plan.Edited);
        var changes = plan.Clean;
        if (changes.Count == 0)
        {
            return;
        }
        var toWrite = changes.Where(c => !c.Delete).Select(c => c.Path).ToList();
        if (toWrite.Count > 0)
        {
            _repo.CheckoutPaths(commit.Sha, toWrite, new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });
        }
        var removed = changes.Where(c => c.Delete).Select(c => c.Path).ToList();
        foreach (var path in removed)
        {
            File.Delete(Path.Combine(WorkingDirectory!, path));
            _repo.Index.Remove(path);
        }
        if (removed.Count > 0)
        {
            _repo.Index.Write();
        }
    }

    public void Dispose() => _repo.Dispose();
}

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
    private const int MaxAttempts = 50;
    private readonly Repository _repo;
    private GitConfig? _config;

    private RegistryRepository(Repository repo) => _repo = repo;

    public string GitDirectory => _repo.Info.Path;

    public string? WorkingDirectory => _repo.Info.WorkingDirectory;

    public bool IsBare => _repo.Info.IsBare;

    internal Repository Git => _repo;

    public static RegistryRepository Open(string path)
    {
        var full = Path.GetFullPath(path);
        var found = Repository.Discover(full);
        if (found is null)
        {
            throw new RegistryException(ErrorKind.Repository, $"'{full}' is not inside a git repository",
                "run 'gitreg init' to create a registry there, or pass --registry PATH (or set GITREG_REGISTRY) to an existing one");
        }
        return new RegistryRepository(new Repository(found));
    }

    /// <summary>The branch writes go to: the one HEAD points at.</summary>
    public string BranchRef
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
    /// when the branch moved. Returns null when <paramref name="build"/> decided there is nothing to change.
    /// </summary>
    public string? Write(Func<RegistrySnapshot, PendingWrite?> build)
    {
        var identity = Identity();
        var signer = CommitSigner.FromConfig(Config, identity);
        var branch = BranchRef;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var tip = TipCommit();
            var pending = build(new RegistrySnapshot(tip));
            if (pending is null)
            {
                return null;
            }

            var tree = BuildTree(tip, pending.Files);
            if (tip is not null && tree.Id == tip.Tree.Id)
            {
                return null;
            }
            var payload = CommitPayload(tree.Id, tip?.Id, identity, pending.Message());
            var signature = signer.Sign(payload).Replace("\r", "").TrimEnd('\n');
            var commitId = _repo.ObjectDatabase.CreateCommitWithSignature(payload, signature);

            var cleanPaths = IsBare ? [] : CleanPaths(tip, pending.Files.Keys);
            var unstagedPaths = IsBare ? [] : UnstagedPaths(tip, pending.Files.Keys);
            if (TryMoveBranch(branch, commitId, tip?.Id, pending.Subject))
            {
                UpdateIndex(commitId, unstagedPaths.Except(cleanPaths).ToList(), pending.Files);
                UpdateWorkingTree(commitId, cleanPaths, pending.Files);
                return commitId.Sha;
            }
            // Someone else wrote first: back off a little (with jitter, so racing writers spread out) and redo.
            Thread.Sleep(Random.Shared.Next(1, 10 + attempt * 5));
        }
        throw new RegistryException(ErrorKind.Conflict, $"the branch {branch} kept moving while writing ({MaxAttempts} attempts)", "try again; if it persists, check for a process writing in a loop");
    }

    private Commit? TipCommit()
    {
        var reference = _repo.Refs[BranchRef];
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
    private static string CommitPayload(ObjectId tree, ObjectId? parent, Person who, string message)
    {
        var seconds = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var ident = $"{who.Name} <{who.Email}> {seconds} +0000";
        var text = new StringBuilder();
        text.Append("tree ").Append(tree.Sha).Append('\n');
        if (parent is not null)
        {
            text.Append("parent ").Append(parent.Sha).Append('\n');
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

    private bool TryMoveBranch(string branch, ObjectId commit, ObjectId? expected, string subject)
    {
        var old = expected?.Sha ?? new string('0', 40);
        var result = ChildProcess.Run("git", ["--git-dir", GitDirectory, "update-ref", "-m", "gitreg: " + subject, branch, commit.Sha, old]);
        return result.ExitCode == 0;
    }

    /// <summary>The written paths whose working-tree copy matches the tip (or is absent where the tip has none).</summary>
    private List<string> CleanPaths(Commit? tip, IEnumerable<string> paths)
    {
        var clean = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.Combine(WorkingDirectory!, path);
            var inTip = tip?[path] is not null;
            if (!inTip)
            {
                if (!File.Exists(full))
                {
                    clean.Add(path);
                }
                continue;
            }
            // The branch tip is HEAD's commit here, so "unaltered" means the file equals the tip's version.
            if (_repo.RetrieveStatus(path) == FileStatus.Unaltered)
            {
                clean.Add(path);
            }
        }
        return clean;
    }

    /// <summary>The written paths whose index entry is the tip's (nothing staged there by the user).</summary>
    private List<string> UnstagedPaths(Commit? tip, IEnumerable<string> paths) =>
        paths.Where(path => (_repo.Index[path]?.Id, tip?[path]?.Target.Id) is var (staged, committed) && staged == committed).ToList();

    /// <summary>
    /// Points the index at the new commit's version of files whose working copy the user is editing, as
    /// 'git checkout' does with local changes. Left at the old version, the index would stage a silent revert of
    /// this write, which the next plain 'git commit' would make.
    /// </summary>
    private void UpdateIndex(ObjectId commit, List<string> paths, IReadOnlyDictionary<string, string?> files)
    {
        if (paths.Count == 0)
        {
            return;
        }
        var written = _repo.Lookup<Commit>(commit);
        foreach (var path in paths)
        {
            if (files[path] is null)
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

    private void UpdateWorkingTree(ObjectId commit, List<string> cleanPaths, IReadOnlyDictionary<string, string?> files)
    {
        if (cleanPaths.Count == 0)
        {
            return;
        }
        var toWrite = cleanPaths.Where(p => files[p] is not null).ToList();
        if (toWrite.Count > 0)
        {
            _repo.CheckoutPaths(commit.Sha, toWrite, new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });
        }
        foreach (var removed in cleanPaths.Where(p => files[p] is null))
        {
            File.Delete(Path.Combine(WorkingDirectory!, removed));
            _repo.Index.Remove(removed);
            _repo.Index.Write();
        }
    }

    public void Dispose() => _repo.Dispose();
}

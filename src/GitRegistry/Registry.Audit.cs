using System.Globalization;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Reading;
using GitRegistry.Registration;
using GitRegistry.Storage;
using GitRegistry.Trust;
using LibGit2Sharp;

namespace GitRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Verifies history: every commit's signature against the registry's signers and every change against its
    /// policy. <paramref name="range"/> is <c>A..B</c> (e.g. <c>origin/main..HEAD</c> for a pull request);
    /// <paramref name="since"/> verifies from that commit (exclusive) to the branch tip; neither verifies all.
    /// </summary>
    /// <param name="since">Verify the commits after this one.</param>
    /// <param name="range">Verify the commits in this range.</param>
    /// <param name="useCache">
    /// Reuse the verdicts of commits verified in earlier runs, kept by commit id in the git directory (a commit id
    /// names the commit and all its history, so its verdict cannot change while this library stays the same);
    /// false verifies every commit from scratch.
    /// </param>
    public VerificationReport Verify(string? since = null, string? range = null, bool useCache = true)
    {
        Commit tip;
        Commit? exclude = null;
        if (range is not null)
        {
            var dots = range.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0 || range.Contains("...", StringComparison.Ordinal))
            {
                throw new RegistryException(ErrorKind.Usage, $"'{range}' is not a range A..B", "write e.g. --range origin/main..HEAD");
            }
            exclude = dots == 0 ? null : LookupCommit(range[..dots]);
            tip = LookupCommit(range[(dots + 2)..] is { Length: > 0 } end ? end : "HEAD");
        }
        else
        {
            tip = _repository.TipCommit() ?? throw new NotFoundException("the registry has no commits", "create it with gitreg init");
            exclude = since is null ? null : LookupCommit(since);
        }
        var main = _repository.Git.Refs[$"refs/heads/{SafeConfig()?.MainBranch ?? "main"}"]?.ResolveToDirectReference()?.Target as Commit;
        var tipIsMain = main is not null && main.Id == tip.Id;
        return WithVerdicts(useCache, verifier => verifier.Verify(tip, exclude, range ?? (since is null ? "all" : $"{since}..{tip.Sha[..10]}"), tipIsMain));
    }

    /// <summary>
    /// The audit trail, newest first: registrations, stage moves (and archivings by promotion), alias moves,
    /// descriptions, tags, approvals, deletions and configuration changes, each with who (the verified signer),
    /// when, the commit and whether its signature and rules verified. Narrowed to a model or version if given.
    /// <paramref name="useCache"/> as for <see cref="Verify"/>.
    /// </summary>
    public IReadOnlyList<(RegistryEvent Event, bool Passed, IReadOnlyList<string> Problems)> Log(string? model = null, int? version = null, DateTimeOffset? since = null, bool useCache = true)
    {
        VerificationReport report;
        if (model is null)
        {
            report = Verify(useCache: useCache);
        }
        else
        {
            // Only the commits that touched the model (found by git's own path-limited walk), each verified
            // against its parent: a model's log costs what its history costs, not the registry's.
            ModelName.Validate(model);
            var tip = _repository.TipCommit() ?? throw new NotFoundException("the registry has no commits", "create it with gitreg init");
            List<string> arguments = ["--git-dir", GitDirectory, "rev-list", "--topo-order", "--reverse"];
            if (since is not null)
            {
                arguments.Add($"--since={since.Value.ToUnixTimeSeconds()}");
            }
            arguments.AddRange([tip.Sha, "--", RegistryPaths.ModelFolder(model)]);
            var listed = ChildProcess.Run("git", arguments);
            if (listed.ExitCode != 0)
            {
                throw new RegistryException(ErrorKind.Repository, $"git rev-list failed: {listed.StandardError.Trim()}");
            }
            var commits = listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(sha => _repository.Git.Lookup<Commit>(sha)).ToList();
            report = WithVerdicts(useCache, verifier => verifier.VerifyCommits(commits, tip, $"{model} history"));
        }
        return report.Commits
            .Where(c => since is null || c.Signature.CommitterTime >= since)
            .SelectMany(c => c.Events.Select(e => (Event: e, c.Passed, c.Problems)))
            .Where(e => model is null || e.Event.Model == model)
            .Where(e => version is null || e.Event.Version == version)
            .Reverse()
            .ToList();
    }

    /// <summary>The commit of the branch (first-parent line) in force at <paramref name="when"/>.</summary>
    public string CommitAt(DateTimeOffset when)
    {
        for (var commit = _repository.TipCommit(); commit is not null; commit = commit.Parents.FirstOrDefault())
        {
            if (commit.Committer.When <= when)
            {
                return commit.Sha;
            }
        }
        throw new NotFoundException($"the registry did not exist yet at {when.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z", "pick a later time; gitreg log shows the history");
    }

    /// <summary>
    /// Moves <paramref name="stage"/> back to the version that held it before the current one (archiving the
    /// current one): a new signed, policy-checked commit, never a history rewrite.
    /// </summary>
    public TransitionResult Rollback(string name, string stage, string? comment = null)
    {
        ModelName.Validate(name);
        var canonical = Config.GetStage(stage).Name;
        var documents = new DocumentCache();
        int? current = null;
        for (var commit = _repository.TipCommit(); commit is not null; commit = commit.Parents.FirstOrDefault())
        {
            var state = documents.Read<ModelState>(new RegistrySnapshot(commit), RegistryPaths.ModelFile(name), DocumentKind.Model);
            if (state is null)
            {
                break;
            }
            var holder = state.Versions.Where(v => v.Value.Stage.Equals(canonical, StringComparison.OrdinalIgnoreCase)).Select(v => v.Key).DefaultIfEmpty(0).Max();
            current ??= holder;
            if (current == 0)
            {
                throw new NotFoundException($"no version of {name} is in {canonical}, so there is nothing to roll back", $"see the history: gitreg log {name}");
            }
            if (holder != 0 && holder != current && GetModel(name).Versions.TryGetValue(holder, out var live) && live.Deleted is null)
            {
                return Transition(name, holder, canonical, archiveExisting: true,
                    comment ?? $"Rollback of {canonical} from version {current} to version {holder}, which held it until {commit.Committer.When.UtcDateTime:yyyy-MM-dd HH:mm}Z");
            }
        }
        throw new NotFoundException($"no earlier live version of {name} held {canonical}", $"see the history: gitreg log {name}");
    }

    private VerificationReport WithVerdicts(bool useCache, Func<HistoryVerifier, VerificationReport> verify)
    {
        var verdicts = useCache ? VerdictCache.Load(GitDirectory) : null;
        var report = verify(new HistoryVerifier(_repository.Git, verdicts));
        verdicts?.Save();
        return report;
    }

    private Commit LookupCommit(string revision) =>
        _repository.Git.Lookup<Commit>(revision) ?? throw new NotFoundException($"'{revision}' is not a commit in this registry", "pass a commit id, branch or tag: git log --oneline");

    private Configuration.RegistryConfig? SafeConfig()
    {
        try
        {
            return Config;
        }
        catch (RegistryException)
        {
            return null;
        }
    }
}

using GitRegistry.Configuration;
using GitRegistry.Documents;
using GitRegistry.Policy;
using GitRegistry.Signing;
using GitRegistry.Storage;
using LibGit2Sharp;

namespace GitRegistry.Trust;

/// <summary>
/// Verifies a range of registry history commit by commit: each signature against the signers in force at the
/// commit's parent, each change against the policy in force there (see <see cref="ChangeAnalyzer"/>), merges as
/// signed by an allowed merger and adding nothing of their own. Approvals that a protected stage needs are judged
/// where the change lands: before the commit itself for a commit made on the main branch, at the merge for a
/// change brought in by a pull request, and at the end of the range when verifying a proposal branch.
/// </summary>
/// <param name="repository">The registry's repository.</param>
/// <param name="verdicts">Verdicts kept from earlier runs (see <see cref="VerdictCache"/>); learns the new ones.</param>
internal sealed class HistoryVerifier(Repository repository, VerdictCache? verdicts = null)
{
    private readonly DocumentCache _documents = new();
    private readonly Dictionary<(ObjectId?, ObjectId?), TrustStore> _trust = [];
    private readonly Dictionary<ObjectId, RegistryConfig> _configs = [];
    private int _remembered;

    public VerificationReport Verify(Commit tip, Commit? exclude, string range, bool tipIsMain)
    {
        var commits = repository.Commits.QueryBy(new CommitFilter
        {
            IncludeReachableFrom = tip,
            ExcludeReachableFrom = exclude,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse,
        }).ToList();

        // Where each commit lands on the line being verified (see the class summary).
        var inRange = commits.Select(c => c.Id).ToHashSet();
        var chain = new List<Commit>();
        for (var c = tip; c is not null && inRange.Contains(c.Id); c = c.Parents.FirstOrDefault())
        {
            chain.Add(c);
        }
        var onChain = chain.Select(c => c.Id).ToHashSet();
        var landing = new Dictionary<ObjectId, Commit>();
        foreach (var merge in chain.Where(c => c.Parents.Count() > 1))
        {
            var side = repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = merge.Parents.Skip(1).ToList(), ExcludeReachableFrom = merge.Parents.First() });
            foreach (var c in side)
            {
                landing.TryAdd(c.Id, tipIsMain ? merge : tip);
            }
        }

        // Approvals must exist where the change lands: before it, on the main line; at the merge or the range's end
        // when it arrives through a pull request.
        Commit? LandsAt(Commit c) => landing.TryGetValue(c.Id, out var merge) ? merge : (onChain.Contains(c.Id) && !tipIsMain ? tip : c.Parents.FirstOrDefault());
        return new VerificationReport(range, commits.Select(c => VerifyCommit(c, LandsAt(c))).ToList()) { Remembered = _remembered };
    }

    /// <summary>
    /// Verifies just the given commits (e.g. those that touched one model, for its log), each against its own
    /// parent, with approvals judged before each move as on the main line.
    /// </summary>
    public VerificationReport VerifyCommits(IReadOnlyList<Commit> commits, Commit tip, string range)
    {
        // A commit off the tip's first-parent line came in through a merge: its approvals are judged at the tip.
        var mainLine = new HashSet<ObjectId>();
        for (var c = tip; c is not null; c = c.Parents.FirstOrDefault())
        {
            mainLine.Add(c.Id);
        }
        return new(range, commits.Select(c => VerifyCommit(c, mainLine.Contains(c.Id) ? c.Parents.FirstOrDefault() : tip)).ToList()) { Remembered = _remembered };
    }

    private CommitReport VerifyCommit(Commit commit, Commit? approvalsAt)
    {
        if (verdicts?.Find(commit.Sha, approvalsAt?.Sha) is { } known)
        {
            _remembered++;
            return known;
        }
        var report = VerifyAnew(commit, approvalsAt);
        verdicts?.Add(approvalsAt?.Sha, report);
        return report;
    }

    private CommitReport VerifyAnew(Commit commit, Commit? approvalsAt)
    {
        var analyzer = new ChangeAnalyzer(_documents);
        {
            var parent = commit.Parents.FirstOrDefault();
            var before = new RegistrySnapshot(parent);
            var after = new RegistrySnapshot(commit);
            // The rules in force are those of the parent; the first commit must satisfy its own.
            var rules = parent is null ? after : before;
            var problems = new List<string>();
            RegistryConfig config;
            TrustStore trust;
            try
            {
                config = Config(rules);
                trust = Trust(rules);
            }
            catch (RegistryException e)
            {
                return new CommitReport(commit.Sha, commit.MessageShort, Unverifiable(commit, e.Message), [], [$"the registry's configuration cannot be read here: {e.Message}"]);
            }
            var signature = trust.Verify(repository, commit);
            if (!signature.IsGood)
            {
                problems.Add($"signature: {signature.Status}: {signature.Detail}");
            }
            var (trailers, comment) = ParseMessage(commit.Message);
            var events = new List<RegistryEvent>();
            if (commit.Parents.Count() > 1)
            {
                problems.AddRange(CheckMerge(commit, config, signature));
                events.Add(new RegistryEvent(EventKind.Merged, commit.Sha, commit.Committer.When, signature.IsGood ? signature.Principal! : commit.Committer.Email,
                    signature.KeyFingerprint, signature.IsGood, null, null, null, null, null, $"merged {commit.MessageShort}", comment));
            }
            else
            {
                var analysis = analyzer.Analyze(commit, before, after, config, signature, trust.AllowedSignersPath ?? config.Signers?.AllowedSigners ?? "allowed_signers", trailers, comment, repository);
                events.AddRange(analysis.Events);
                problems.AddRange(analysis.Problems);
                foreach (var pending in analysis.Approvals)
                {
                    var at = approvalsAt;
                    if (at is null)
                    {
                        continue;
                    }
                    var snapshot = new RegistrySnapshot(at);
                    var approvals = ApprovalLedger.Load(repository, at, Trust(snapshot), pending.Manifest.Name, pending.Manifest.Version);
                    if (PolicyEngine.CheckApprovals(config, pending.Manifest, pending.Stage, pending.Requester, approvals) is { } missing)
                    {
                        problems.Add(at.Id == parent?.Id ? missing + " before the move" : $"{missing} by {at.Sha[..10]}, where the change lands");
                    }
                }
            }
            return new CommitReport(commit.Sha, commit.MessageShort, signature, events, problems);
        }
    }

    private IEnumerable<string> CheckMerge(Commit merge, RegistryConfig config, CommitSignatureResult signature)
    {
        if (signature.IsGood && PolicyEngine.CheckPermission(config, PolicyAction.Merge, signature.Principal!) is { } denied)
        {
            yield return denied;
        }
        var parents = merge.Parents.ToList();
        if (parents.Count != 2)
        {
            yield return $"an octopus merge of {parents.Count} branches; merge one pull request at a time";
            yield break;
        }
        var merged = repository.ObjectDatabase.MergeCommits(parents[0], parents[1], new MergeTreeOptions { FailOnConflict = true });
        if (merged.Status != MergeTreeStatus.Succeeded)
        {
            yield return "the merged branches conflict, so the merge commit's own resolution cannot be checked; rebase the branch and merge again";
        }
        else if (merged.Tree.Id != merge.Tree.Id)
        {
            var extra = repository.Diff.Compare<TreeChanges>(merged.Tree, merge.Tree).Select(c => c.Path);
            yield return $"the merge commit changes files itself ({string.Join(", ", extra)}); a merge must only combine its branches";
        }
    }

    private RegistryConfig Config(RegistrySnapshot snapshot)
    {
        var id = snapshot.BlobId(RegistryConfig.FileName)
            ?? throw new RegistryException(ErrorKind.Validation, $"{RegistryConfig.FileName} is missing");
        if (!_configs.TryGetValue(id, out var config))
        {
            config = DocumentSerializer.Read<RegistryConfig>(DocumentKind.Registry, snapshot.ReadFile(RegistryConfig.FileName)!, RegistryConfig.FileName);
            _configs[id] = config;
        }
        return config;
    }

    private TrustStore Trust(RegistrySnapshot snapshot)
    {
        var config = Config(snapshot);
        var key = (snapshot.BlobId(RegistryConfig.FileName), snapshot.BlobId(config.Signers?.AllowedSigners ?? "allowed_signers"));
        if (!_trust.TryGetValue(key, out var trust))
        {
            trust = TrustStore.At(snapshot);
            _trust[key] = trust;
        }
        return trust;
    }

    private static CommitSignatureResult Unverifiable(Commit commit, string detail) =>
        new(commit.Sha, CommitSignatureStatus.UnknownKey, null, null, null, commit.Committer.Email, commit.Committer.When, detail);

    /// <summary>The trailers (last paragraph of key: value lines) and the body between subject and trailers.</summary>
    internal static (Dictionary<string, string> Trailers, string? Body) ParseMessage(string message)
    {
        var paragraphs = message.Replace("\r", "").Trim().Split("\n\n");
        var trailers = new Dictionary<string, string>(StringComparer.Ordinal);
        var bodyEnd = paragraphs.Length;
        if (paragraphs.Length > 1)
        {
            var last = paragraphs[^1].Split('\n');
            if (last.All(l => l.IndexOf(": ", StringComparison.Ordinal) > 0 && !l.StartsWith(' ')))
            {
                foreach (var line in last)
                {
                    var colon = line.IndexOf(": ", StringComparison.Ordinal);
                    trailers.TryAdd(line[..colon], line[(colon + 2)..].Trim());
                }
                bodyEnd--;
            }
        }
        var body = string.Join("\n\n", paragraphs.Skip(1).Take(bodyEnd - 1)).Trim();
        return (trailers, body.Length == 0 ? null : body);
    }
}

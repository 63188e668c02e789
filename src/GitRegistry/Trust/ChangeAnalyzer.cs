using GitRegistry.Configuration;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Policy;
using GitRegistry.Signing;
using GitRegistry.Storage;
using GitRegistry.Validation;
using LibGit2Sharp;

namespace GitRegistry.Trust;

/// <summary>
/// Reads what one (non-merge) commit did from its diff — the diff is the truth, the message only a claim — and
/// checks each change against the policy in force at its parent: who may make it, which stage moves are
/// allowed, metric gates, that manifests are never modified, that approvals are only appended and made by their
/// signer. Approvals for protected stages are returned as pending checks, judged where the change lands.
/// </summary>
internal sealed class ChangeAnalyzer(DocumentCache documents)
{
    public sealed record PendingApproval(string CommitId, ModelVersion Manifest, string Stage, string Requester);

    public sealed class Result
    {
        public List<RegistryEvent> Events { get; } = [];
        public List<string> Problems { get; } = [];
        public List<PendingApproval> Approvals { get; } = [];
    }

    public Result Analyze(Commit commit, RegistrySnapshot before, RegistrySnapshot after, RegistryConfig config, CommitSignatureResult signature,
        string trustedSignersPath, Dictionary<string, string> trailers, string? comment, Repository repository)
    {
        var result = new Result();
        var actor = signature.IsGood ? signature.Principal! : commit.Committer.Email;
        RegistryEvent Event(EventKind kind, string? model, int? version, string detail, string? from = null, string? to = null, string? alias = null) =>
            new(kind, commit.Sha, commit.Committer.When, actor, signature.KeyFingerprint, signature.IsGood, model, version, from, to, alias, detail, comment);
        void Permit(string action)
        {
            if (PolicyEngine.CheckPermission(config, action, actor) is { } denied)
            {
                result.Problems.Add(denied);
            }
        }

        var changes = TreeDiff.Compare(repository, before.Commit?.Tree, commit.Tree);
        var models = new SortedSet<string>(StringComparer.Ordinal);
        var configuration = new List<string>();
        foreach (var change in changes)
        {
            var path = change.Path;
            if (path == RegistryConfig.FileName || path == trustedSignersPath || change.OldPath == trustedSignersPath)
            {
                configuration.Add(path);
                continue;
            }
            var parts = path.Split('/');
            if (parts.Length >= 3 && parts[0] == RegistryPaths.Models)
            {
                models.Add(parts[1]);
            }
        }
        if (before.Commit is null)
        {
            result.Events.Add(Event(EventKind.Initialized, null, null, "created the registry"));
        }
        else if (configuration.Count > 0)
        {
            Permit(PolicyAction.Configure);
            result.Events.Add(Event(EventKind.Configured, null, null, $"changed {string.Join(" and ", configuration)}"));
        }
        if (before.Commit is not null && result.Events.Any(e => e.Kind == EventKind.Configured))
        {
            try
            {
                DocumentSerializer.Read<RegistryConfig>(DocumentKind.Registry, after.ReadFile(RegistryConfig.FileName) ?? "", RegistryConfig.FileName);
            }
            catch (RegistryException e)
            {
                result.Problems.Add($"registry.yaml is invalid after this commit: {e.Message}");
            }
        }

        // An import registers versions with their state in the source: a stage other than None, aliases, a deletion.
        // The label grants nothing by itself: each placement is checked like a move into the stage.
        var importing = trailers.TryGetValue("Registry-Action", out var action) && action == "import";
        foreach (var model in models)
        {
            AnalyzeModel(model, changes, before, after, config, actor, importing, result, Event, Permit);
        }
        CheckTrailers(commit, trailers, result);
        return result;
    }

    private void AnalyzeModel(string name, IReadOnlyList<TreeEntryChanges> changes, RegistrySnapshot before, RegistrySnapshot after, RegistryConfig config, string actor, bool importing, Result result,
        Func<EventKind, string?, int?, string, string?, string?, string?, RegistryEvent> makeEvent, Action<string> permit)
    {
        RegistryEvent Event(EventKind kind, int? version, string detail, string? from = null, string? to = null, string? alias = null) =>
            makeEvent(kind, name, version, detail, from, to, alias);
        var modelPath = RegistryPaths.ModelFile(name);
        ModelState? old, now;
        try
        {
            old = documents.Read<ModelState>(before, modelPath, DocumentKind.Model);
            now = documents.Read<ModelState>(after, modelPath, DocumentKind.Model);
        }
        catch (RegistryException e)
        {
            result.Problems.Add(e.Message);
            return;
        }

        // Manifests: added once, never modified, renamed or removed.
        var registered = new HashSet<int>();
        var highestBefore = old?.Versions.Keys.DefaultIfEmpty(0).Max() ?? 0;
        foreach (var change in changes.Where(c => c.Path.StartsWith(RegistryPaths.VersionsFolder(name) + "/", StringComparison.Ordinal)
                                                   || c.OldPath.StartsWith(RegistryPaths.VersionsFolder(name) + "/", StringComparison.Ordinal)))
        {
            if (change.Status != ChangeKind.Added)
            {
                result.Problems.Add($"{change.OldPath} was {change.Status.ToString().ToLowerInvariant()} after registration; version manifests are immutable");
                continue;
            }
            if (!RegistryPaths.TryParseVersionFile(Path.GetFileName(change.Path), out var version))
            {
                result.Problems.Add($"{change.Path} is not a version manifest");
                continue;
            }
            ModelVersion? manifest;
            try
            {
                manifest = documents.Read<ModelVersion>(after, change.Path, DocumentKind.ModelVersion);
            }
            catch (RegistryException e)
            {
                result.Problems.Add(e.Message);
                continue;
            }
            if (manifest is null)
            {
                continue;
            }
            permit(PolicyAction.Register);
            if (version <= highestBefore || manifest.Version != version || manifest.Name != name)
            {
                result.Problems.Add($"{change.Path} registers {manifest.Name} version {manifest.Version}, but the next free version of {name} was {highestBefore + 1}");
            }
            if (!manifest.CreatedBy.Email.Equals(actor, StringComparison.OrdinalIgnoreCase))
            {
                result.Problems.Add($"{change.Path} says it was registered by {manifest.CreatedBy.Email}, but the commit was signed by {actor}");
            }
            registered.Add(version);
            result.Events.Add(Event(EventKind.Registered, version, $"registered {name} version {version}" + (manifest.Imported is { } imported ? $" (imported from {imported.From})" : "")));
        }

        if (now is null)
        {
            if (old is not null)
            {
                result.Problems.Add($"{modelPath} was deleted; models are never removed (delete versions instead)");
            }
            return;
        }

        var oldVersions = old?.Versions ?? [];
        foreach (var removed in oldVersions.Keys.Where(v => !now.Versions.ContainsKey(v)))
        {
            result.Problems.Add($"{modelPath} no longer lists version {removed}; versions are never removed (they are marked deleted)");
        }

        var moves = new List<(int Version, string From, string To)>();
        var placements = new List<(int Version, string Stage)>();
        foreach (var (version, state) in now.Versions)
        {
            if (!oldVersions.TryGetValue(version, out var previous))
            {
                if (!registered.Contains(version))
                {
                    result.Problems.Add($"{modelPath} lists version {version}, which this commit does not register");
                }
                else if (!state.Stage.Equals(StageName.None, StringComparison.OrdinalIgnoreCase))
                {
                    if (importing)
                    {
                        placements.Add((version, state.Stage));
                    }
                    else
                    {
                        result.Problems.Add($"version {version} of {name} was registered straight into {state.Stage}; new versions start in None");
                    }
                }
                if (importing && registered.Contains(version) && state.Deleted is not null)
                {
                    permit(PolicyAction.Delete);
                    result.Events.Add(Event(EventKind.Deleted, version, $"imported {name} version {version} as deleted"));
                }
                continue;
            }
            if (previous.Stage != state.Stage)
            {
                moves.Add((version, previous.Stage, state.Stage));
            }
            if (previous.Description != state.Description)
            {
                permit(PolicyAction.Describe);
                result.Events.Add(Event(EventKind.Described, version, $"described {name} version {version}"));
            }
            if (!previous.Tags.SequenceEqual(state.Tags))
            {
                permit(PolicyAction.Tag);
                result.Events.Add(Event(EventKind.Tagged, version, $"tags of {name} version {version}: {TagDiff(previous.Tags, state.Tags)}"));
            }
            if (previous.Deleted is null && state.Deleted is not null)
            {
                permit(PolicyAction.Delete);
                result.Events.Add(Event(EventKind.Deleted, version, $"deleted {name} version {version}"));
            }
            else if (previous.Deleted is not null && state.Deleted is null)
            {
                result.Problems.Add($"version {version} of {name} was un-deleted; deletion is final");
            }
        }

        // Stage moves: a version leaving a stage for Archived as another enters it is archive-existing.
        foreach (var (version, from, to) in moves)
        {
            var displaced = to.Equals(StageName.Archived, StringComparison.OrdinalIgnoreCase)
                && moves.Any(m => m.Version != version && m.To.Equals(from, StringComparison.OrdinalIgnoreCase));
            result.Events.Add(Event(displaced ? EventKind.ArchivedByPromotion : EventKind.Transitioned, version,
                displaced ? $"{name} version {version} archived from {from} by a promotion" : $"moved {name} version {version} from {from} to {to}", from, to));
            CheckEntry(version, to, (manifest, current) => PolicyEngine.CheckTransition(config, manifest, from, to, actor, approvals: null, current));
        }

        foreach (var (version, stage) in placements)
        {
            result.Events.Add(Event(EventKind.Transitioned, version, $"imported {name} version {version} into {stage}", null, stage));
            CheckEntry(version, stage, (manifest, current) => PolicyEngine.CheckPlacement(config, manifest, stage, actor, approvals: null, current));
        }

        // A version entering a stage: the policy's verdict on its manifest against the stage's current holder, and
        // the approval the stage asks for, judged where the change lands.
        void CheckEntry(int version, string stage, Func<ModelVersion, ModelVersion?, List<string>> check)
        {
            ModelVersion manifest;
            try
            {
                manifest = documents.Read<ModelVersion>(after, RegistryPaths.VersionFile(name, version), DocumentKind.ModelVersion)
                    ?? throw new RegistryException(ErrorKind.Validation, $"{name} version {version} has no manifest");
            }
            catch (RegistryException e)
            {
                result.Problems.Add(e.Message);
                return;
            }
            var holder = oldVersions.Where(v => v.Key != version && v.Value.Deleted is null && v.Value.Stage.Equals(stage, StringComparison.OrdinalIgnoreCase))
                .Select(v => v.Key).DefaultIfEmpty(0).Max();
            var current = holder == 0 ? null : documents.Read<ModelVersion>(before, RegistryPaths.VersionFile(name, holder), DocumentKind.ModelVersion);
            result.Problems.AddRange(check(manifest, current));
            if (PolicyEngine.StagePolicy(config, stage) is { Approvals: > 0 })
            {
                result.Approvals.Add(new PendingApproval("", manifest, stage, actor));
            }
        }

        var oldAliases = old?.Aliases ?? [];
        foreach (var alias in oldAliases.Keys.Union(now.Aliases.Keys).Order(StringComparer.Ordinal))
        {
            var had = oldAliases.TryGetValue(alias, out var a) ? a : (int?)null;
            var has = now.Aliases.TryGetValue(alias, out var b) ? b : (int?)null;
            if (had == has)
            {
                continue;
            }
            permit(PolicyAction.Alias);
            result.Events.Add(has is null
                ? Event(EventKind.AliasDeleted, had, $"deleted alias {alias} of {name} (was version {had})", alias: alias)
                : Event(EventKind.AliasSet, has, had is null ? $"set alias {alias} of {name} to version {has}" : $"moved alias {alias} of {name} from version {had} to {has}", alias: alias));
        }
        if (old is not null && old.Description != now.Description)
        {
            permit(PolicyAction.Describe);
            result.Events.Add(Event(EventKind.Described, null, $"described {name}"));
        }
        if (old is not null && !old.Tags.SequenceEqual(now.Tags))
        {
            permit(PolicyAction.Tag);
            result.Events.Add(Event(EventKind.Tagged, null, $"tags of {name}: {TagDiff(old.Tags, now.Tags)}"));
        }

        AnalyzeApprovals(name, changes, before, after, config, actor, result, Event, permit);
        result.Problems.AddRange(RegistryValidator.CheckModel(config, now, modelPath).Select(p => p.ToString()));
    }

    private void AnalyzeApprovals(string name, IReadOnlyList<TreeEntryChanges> changes, RegistrySnapshot before, RegistrySnapshot after, RegistryConfig config, string actor, Result result,
        Func<EventKind, int?, string, string?, string?, string?, RegistryEvent> makeEvent, Action<string> permit)
    {
        foreach (var change in changes.Where(c => c.Path.StartsWith(RegistryPaths.ApprovalsFolder(name) + "/", StringComparison.Ordinal)))
        {
            if (change.Status is not (ChangeKind.Added or ChangeKind.Modified) || !RegistryPaths.TryParseVersionFile(Path.GetFileName(change.Path), out var version))
            {
                result.Problems.Add($"{change.Path} was {change.Status.ToString().ToLowerInvariant()}; approvals are only ever appended");
                continue;
            }
            VersionApprovals? old, now;
            ModelVersion? manifest;
            try
            {
                old = documents.Read<VersionApprovals>(before, change.Path, DocumentKind.Approvals);
                now = documents.Read<VersionApprovals>(after, change.Path, DocumentKind.Approvals);
                manifest = documents.Read<ModelVersion>(after, RegistryPaths.VersionFile(name, version), DocumentKind.ModelVersion);
            }
            catch (RegistryException e)
            {
                result.Problems.Add(e.Message);
                continue;
            }
            var kept = old?.Approvals.Count ?? 0;
            if (now is null || now.Approvals.Count < kept
                || !now.Approvals.Take(kept).Select(Key).SequenceEqual((old?.Approvals ?? []).Select(Key)))
            {
                result.Problems.Add($"{change.Path}: earlier approvals were changed or removed; approvals are only ever appended");
                continue;
            }
            foreach (var approval in now.Approvals.Skip(kept))
            {
                permit(PolicyAction.Approve);
                if (!approval.By.Email.Equals(actor, StringComparison.OrdinalIgnoreCase))
                {
                    result.Problems.Add($"{change.Path}: an approval says it is by {approval.By.Email}, but the commit was signed by {actor}");
                }
                if (PolicyEngine.StagePolicy(config, approval.Stage) is { } stage)
                {
                    if (!PolicyEngine.GroupsOf(config, actor).Contains(stage.Approvers))
                    {
                        result.Problems.Add($"{actor} approved {name} version {version} for {approval.Stage} but is not in {stage.Approvers}");
                    }
                    if (stage.SeparationOfDuties && manifest is not null && manifest.CreatedBy.Email.Equals(actor, StringComparison.OrdinalIgnoreCase))
                    {
                        result.Problems.Add($"{actor} approved {name} version {version}, which they registered (separation of duties)");
                    }
                }
                result.Events.Add(makeEvent(EventKind.Approved, version, $"approved {name} version {version} for {approval.Stage}", null, approval.Stage, null));
            }
        }
    }

    private static string Key(ApprovalRecord a) => $"{a.Stage}|{a.By.Email}|{a.At}|{a.Comment}";

    private static string TagDiff(IDictionary<string, string> before, IDictionary<string, string> after)
    {
        var parts = after.Where(t => !before.TryGetValue(t.Key, out var v) || v != t.Value).Select(t => $"{t.Key}={t.Value}")
            .Concat(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => $"-{k}"));
        return string.Join(", ", parts);
    }

    /// <summary>The kinds of event each Registry-Action may produce; the diff must agree with what the message claims.</summary>
    private static readonly Dictionary<string, EventKind[]> Claims = new(StringComparer.Ordinal)
    {
        ["init"] = [EventKind.Initialized],
        ["register"] = [EventKind.Registered],
        ["transition"] = [EventKind.Transitioned, EventKind.ArchivedByPromotion],
        ["alias-set"] = [EventKind.AliasSet],
        ["alias-delete"] = [EventKind.AliasDeleted],
        ["tag-set"] = [EventKind.Tagged],
        ["tag-delete"] = [EventKind.Tagged],
        ["describe"] = [EventKind.Described],
        ["delete"] = [EventKind.Deleted],
        ["approve"] = [EventKind.Approved],
        ["signers-add"] = [EventKind.Configured],
        ["signers-revoke"] = [EventKind.Configured],
        ["import"] = [EventKind.Registered, EventKind.Transitioned, EventKind.AliasSet, EventKind.Deleted],
    };

    private static void CheckTrailers(Commit commit, Dictionary<string, string> trailers, Result result)
    {
        if (!trailers.TryGetValue("Registry-Action", out var action))
        {
            return;
        }
        if (!Claims.TryGetValue(action, out var kinds))
        {
            result.Problems.Add($"the message claims the unknown action '{action}'");
            return;
        }
        var stray = result.Events.Where(e => !kinds.Contains(e.Kind)).ToList();
        if (stray.Count > 0)
        {
            result.Problems.Add($"the message says '{action}', but the diff also {string.Join("; ", stray.Select(e => e.Detail))}");
        }
        var main = result.Events.Where(e => e.Kind == kinds[0]).ToList();
        trailers.TryGetValue("Registry-Model", out var model);
        trailers.TryGetValue("Registry-Version", out var version);
        trailers.TryGetValue("Registry-Stage", out var stage);
        var matched = main.Any(e =>
            (model is null || e.Model == model)
            && (version is null || e.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) == version || kinds[0] is EventKind.Tagged or EventKind.Described)
            && (stage is null || string.Equals(e.ToStage, stage, StringComparison.OrdinalIgnoreCase)));
        if (!matched)
        {
            var claim = string.Join(" ", new[] { action, model, version is null ? null : "version " + version, stage is null ? null : "to " + stage }.Where(p => p is not null));
            var actual = result.Events.Count == 0 ? "changes nothing in the registry" : string.Join("; ", result.Events.Select(e => e.Detail));
            result.Problems.Add($"the message claims '{claim}', but the diff {actual}");
        }
    }
}

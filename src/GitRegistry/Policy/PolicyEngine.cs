using System.Globalization;
using GitRegistry.Configuration;
using GitRegistry.Manifests;
using GitRegistry.Signing;

namespace GitRegistry.Policy;

/// <summary>
/// Decides whether a change is allowed by the registry's policy: who may make it (groups), which stage moves
/// are allowed, which approvals and metric gates a stage needs. Returns every violation, so that writes can
/// refuse with all of them and <c>gitreg verify</c> can report them for history.
/// </summary>
public static class PolicyEngine
{
    /// <summary>The groups whose members include <paramref name="principal"/>.</summary>
    public static IReadOnlyList<string> GroupsOf(RegistryConfig config, string principal) =>
        config.Groups.Where(g => g.Value.Any(pattern => OpenSshPattern.MatchesList(principal.ToLowerInvariant(), pattern.ToLowerInvariant()))).Select(g => g.Key).ToList();

    /// <summary>Why <paramref name="principal"/> may not make a change of kind <paramref name="action"/>, or null when they may.</summary>
    public static string? CheckPermission(RegistryConfig config, string action, string principal, IReadOnlyList<string>? groupsOverride = null)
    {
        var allowed = groupsOverride;
        if (allowed is null && config.Policy?.Permissions.TryGetValue(action, out var listed) == true)
        {
            allowed = listed;
        }
        if (allowed is null)
        {
            return null;
        }
        var mine = GroupsOf(config, principal);
        return allowed.Any(mine.Contains)
            ? null
            : $"{principal} may not {Verb(action)}: that takes membership of {string.Join(" or ", allowed)}" + (mine.Count == 0 ? " (they are in no group)" : $" (they are in {string.Join(", ", mine)})");
    }

    /// <summary>
    /// Every reason the move of <paramref name="manifest"/> from <paramref name="from"/> to <paramref name="to"/> by
    /// <paramref name="requester"/> is not allowed. <paramref name="current"/> is the version now in the target
    /// stage (for regression gates); <paramref name="approvals"/> are the version's verified approvals (null to
    /// leave approvals out, for a caller that checks them where the change lands).
    /// </summary>
    public static List<string> CheckTransition(RegistryConfig config, ModelVersion manifest, string from, string to, string requester,
        IReadOnlyList<VerifiedApproval>? approvals, ModelVersion? current)
    {
        var violations = new List<string>();
        var policy = config.Policy;
        if (policy is null)
        {
            return violations;
        }
        IReadOnlyList<string>? groups = null;
        if (policy.Transitions.Count > 0)
        {
            var rule = policy.Transitions.FirstOrDefault(r => r.Matches(from, to));
            if (rule is null)
            {
                var allowed = policy.Transitions.Where(r => r.From == "*" || r.From.Equals(from, StringComparison.OrdinalIgnoreCase)).Select(r => r.To).Distinct();
                violations.Add($"the policy does not allow moving a version from {from} to {to} (from {from} it allows: {string.Join(", ", allowed.DefaultIfEmpty("nothing"))})");
            }
            groups = rule?.Groups;
        }
        if (CheckPermission(config, PolicyAction.Transition, requester, groups) is { } denied)
        {
            violations.Add(denied);
        }
        CheckStage(config, manifest, to, requester, approvals, current, violations);
        return violations;
    }

    /// <summary>
    /// Every reason an import may not place <paramref name="manifest"/> straight into <paramref name="stage"/>. An
    /// imported version has no stage to come from, so when the policy lists transitions, one rule into the stage
    /// (from any stage) must exist and its groups apply; the stage's approvals and metric gates apply as to a move.
    /// </summary>
    public static List<string> CheckPlacement(RegistryConfig config, ModelVersion manifest, string stage, string requester,
        IReadOnlyList<VerifiedApproval>? approvals, ModelVersion? current)
    {
        var violations = new List<string>();
        if (config.Policy is not { } policy)
        {
            return violations;
        }
        if (policy.Transitions.Count > 0)
        {
            // Any rule into the stage whose groups admit the requester will do.
            var rules = policy.Transitions.Where(r => r.To == "*" || r.To.Equals(stage, StringComparison.OrdinalIgnoreCase)).ToList();
            var denials = rules.Select(r => CheckPermission(config, PolicyAction.Transition, requester, r.Groups)).ToList();
            if (rules.Count == 0)
            {
                violations.Add($"the policy allows no move into {stage}, so an import cannot place {manifest.Name} version {manifest.Version} there");
            }
            else if (denials.All(d => d is not null))
            {
                violations.Add(denials[0]!);
            }
        }
        else if (CheckPermission(config, PolicyAction.Transition, requester) is { } denied)
        {
            violations.Add(denied);
        }
        CheckStage(config, manifest, stage, requester, approvals, current, violations);
        return violations;
    }

    private static void CheckStage(RegistryConfig config, ModelVersion manifest, string to, string requester,
        IReadOnlyList<VerifiedApproval>? approvals, ModelVersion? current, List<string> violations)
    {
        var stage = StagePolicy(config, to);
        if (stage is null)
        {
            return;
        }
        if (stage.Approvals > 0 && approvals is not null)
        {
            var counted = CountingApprovers(config, stage, manifest, to, requester, approvals, out var ignored);
            if (counted.Count < stage.Approvals)
            {
                var missing = stage.Approvals - counted.Count;
                var detail = ignored.Count == 0 ? "" : $"; not counted: {string.Join("; ", ignored)}";
                violations.Add($"moving {manifest.Name} version {manifest.Version} into {to} needs {stage.Approvals} approval(s) from {stage.Approvers}, "
                    + $"and {counted.Count} {(counted.Count == 1 ? "counts" : "count")}: {missing} more needed" + (stage.SeparationOfDuties ? $" from someone other than {manifest.CreatedBy.Email} (registrant) and {requester} (requester)" : "") + detail);
            }
        }
        foreach (var gate in stage.Gates)
        {
            if (CheckGate(gate, manifest, current) is { } failed)
            {
                violations.Add(failed);
            }
        }
    }

    /// <summary>Why the approvals of a move into <paramref name="stageName"/> do not suffice, or null when they do (or none are needed).</summary>
    public static string? CheckApprovals(RegistryConfig config, ModelVersion manifest, string stageName, string requester, IReadOnlyList<VerifiedApproval> approvals)
    {
        var stage = StagePolicy(config, stageName);
        if (stage is null || stage.Approvals == 0)
        {
            return null;
        }
        var counted = CountingApprovers(config, stage, manifest, stageName, requester, approvals, out var ignored);
        return counted.Count >= stage.Approvals ? null
            : $"moving {manifest.Name} version {manifest.Version} into {stageName} needed {stage.Approvals} approval(s) from {stage.Approvers} and had {counted.Count}"
              + (ignored.Count == 0 ? "" : $" (not counted: {string.Join("; ", ignored)})");
    }

    /// <summary>The distinct approvers whose approvals count for moving into <paramref name="stage"/>; <paramref name="ignored"/> says why others do not.</summary>
    public static List<string> CountingApprovers(RegistryConfig config, StagePolicy stage, ModelVersion manifest, string stageName, string requester,
        IReadOnlyList<VerifiedApproval> approvals, out List<string> ignored)
    {
        ignored = [];
        var counted = new List<string>();
        foreach (var approval in approvals.Where(a => a.Record.Stage.Equals(stageName, StringComparison.OrdinalIgnoreCase)))
        {
            var who = approval.Record.By.Email;
            string? reason = approval.IsVerified ? null : approval.Problem ?? "its signature did not verify";
            reason ??= GroupsOf(config, who).Contains(stage.Approvers) ? null : $"{who} is not in {stage.Approvers}";
            if (reason is null && stage.SeparationOfDuties && who.Equals(manifest.CreatedBy.Email, StringComparison.OrdinalIgnoreCase))
            {
                reason = $"{who} registered the version";
            }
            if (reason is null && stage.SeparationOfDuties && who.Equals(requester, StringComparison.OrdinalIgnoreCase))
            {
                reason = $"{who} is requesting the move";
            }
            if (reason is not null)
            {
                ignored.Add($"{who} ({reason})");
            }
            else if (!counted.Contains(who, StringComparer.OrdinalIgnoreCase))
            {
                counted.Add(who);
            }
        }
        return counted;
    }

    /// <summary>The policy of a stage, matched case-insensitively, or null.</summary>
    public static StagePolicy? StagePolicy(RegistryConfig config, string stage) =>
        config.Policy?.Stages.FirstOrDefault(s => s.Key.Equals(stage, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? CheckGate(MetricGate gate, ModelVersion manifest, ModelVersion? current)
    {
        var value = Metric(manifest, gate.Metric);
        if (value is null)
        {
            return $"the gate on {gate.Metric} needs that metric, and version {manifest.Version} does not have it";
        }
        if (gate.Min is { } min && value < min)
        {
            return $"{gate.Metric} is {Show(value.Value)}, below the gate's minimum {Show(min)}";
        }
        if (gate.Max is { } max && value > max)
        {
            return $"{gate.Metric} is {Show(value.Value)}, above the gate's maximum {Show(max)}";
        }
        if (gate.MaxRegression is { } margin && current is not null && Metric(current, gate.Metric) is { } baseline)
        {
            var worse = gate.HigherIsBetter ? baseline - value.Value : value.Value - baseline;
            if (worse > margin + 1e-12)
            {
                return $"{gate.Metric} is {Show(value.Value)} against {Show(baseline)} for version {current.Version}, now in the stage: worse by {Show(worse)}, more than the allowed {Show(margin)}";
            }
        }
        return null;
    }

    private static double? Metric(ModelVersion manifest, string metric)
    {
        var dot = metric.IndexOf('.');
        return dot > 0 && manifest.Metrics.TryGetValue(metric[..dot], out var split) && split.TryGetValue(metric[(dot + 1)..], out var value) ? value : null;
    }

    private static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Verb(string action) => action switch
    {
        PolicyAction.Register => "register versions",
        PolicyAction.Transition => "move versions between stages",
        PolicyAction.Alias => "change aliases",
        PolicyAction.Tag => "change tags",
        PolicyAction.Describe => "change descriptions",
        PolicyAction.Delete => "delete versions",
        PolicyAction.Approve => "approve",
        PolicyAction.Configure => "change the registry's configuration or signers",
        PolicyAction.Merge => "sign merges",
        _ => action,
    };
}

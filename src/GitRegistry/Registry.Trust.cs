using System.Globalization;
using System.Text.RegularExpressions;
using GitRegistry.Configuration;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Policy;
using GitRegistry.Reading;
using GitRegistry.Registration;
using GitRegistry.Signing;
using GitRegistry.Stages;
using GitRegistry.Storage;
using GitRegistry.Trust;

namespace GitRegistry;

public sealed partial class Registry
{
    /// <summary>The view of a snapshot, after checking that the current user's groups allow <paramref name="action"/>.</summary>
    private RegistryView Permit(RegistrySnapshot snapshot, string action)
    {
        var view = new RegistryView(snapshot);
        if (PolicyEngine.CheckPermission(view.Config, action, _repository.Identity().Email) is { } denied)
        {
            throw new RegistryException(ErrorKind.Policy, denied, $"ask a maintainer to add you to a group that may: gitreg signers add {_repository.Identity().Email} KEY.pub --group GROUP");
        }
        return view;
    }

    /// <summary>Checks a stage move (and the moves archive-existing implies) against the policy; throws with every violation.</summary>
    private void CheckTransitionPolicy(RegistrySnapshot snapshot, RegistryView view, ModelState model, int version, Dictionary<int, string> before)
    {
        var config = view.Config;
        if (config.Policy is null)
        {
            return;
        }
        var requester = _repository.Identity().Email;
        var violations = new List<string>();
        foreach (var (moved, state) in model.Versions.Where(v => before[v.Key] != v.Value.Stage))
        {
            var manifest = view.GetManifest(model.Name, moved);
            // On a proposal branch approvals come after the proposal; verify checks them where the branch is merged.
            var needsApprovals = PolicyEngine.StagePolicy(config, state.Stage) is { Approvals: > 0 } && _repository.BranchRef == "refs/heads/" + config.MainBranch;
            IReadOnlyList<VerifiedApproval>? approvals = needsApprovals ? VerifiedApprovals(snapshot, model.Name, moved) : null;
            var currentHolder = before.Where(b => b.Key != moved && b.Value.Equals(state.Stage, StringComparison.OrdinalIgnoreCase) && model.Versions[b.Key].Deleted is null)
                .Select(b => b.Key).DefaultIfEmpty(0).Max();
            var current = currentHolder == 0 ? null : view.GetManifest(model.Name, currentHolder);
            violations.AddRange(PolicyEngine.CheckTransition(config, manifest, before[moved], state.Stage, requester, approvals, current));
        }
        if (violations.Count > 0)
        {
            throw new RegistryException(ErrorKind.Policy,
                violations.Count == 1 ? violations[0] : "the policy does not allow this move:\n  " + string.Join("\n  ", violations),
                $"see the policy with 'gitreg policy'; approvals are recorded with: gitreg approve {model.Name} {version} --stage {model.Versions[version].Stage} --comment \"why\"");
        }
    }

    private IReadOnlyList<VerifiedApproval> VerifiedApprovals(RegistrySnapshot snapshot, string name, int version) =>
        snapshot.Commit is null ? [] : ApprovalLedger.Load(_repository.Git, snapshot.Commit, TrustStore.At(snapshot), name, version);

    /// <summary>The approvals recorded for a version, each with whether its signature verified.</summary>
    public IReadOnlyList<VerifiedApproval> Approvals(string name, int version) => VerifiedApprovals(_repository.Snapshot(), name, version);

    /// <summary>
    /// Records a signed approval of a version for a stage, with a justification. Who approved is the signer of the
    /// commit; the policy decides whether the approver's group and role let it count.
    /// </summary>
    public WriteResult Approve(string name, int version, string stage, string? comment)
    {
        ModelName.Validate(name);
        var who = _repository.Identity();
        var commit = WriteChange(snapshot =>
        {
            var view = Permit(snapshot, PolicyAction.Approve);
            var target = view.Config.GetStage(stage).Name;
            var model = view.GetModel(name);
            StageRules.LiveVersion(model, version);
            var manifest = view.GetManifest(name, version);
            if (PolicyEngine.StagePolicy(view.Config, target) is { } policy)
            {
                if (!PolicyEngine.GroupsOf(view.Config, who.Email).Contains(policy.Approvers))
                {
                    throw new RegistryException(ErrorKind.Policy, $"{who.Email} is not in {policy.Approvers}, the group whose approvals count for {target}",
                        $"ask a maintainer: gitreg signers add {who.Email} KEY.pub --group {policy.Approvers}");
                }
                if (policy.SeparationOfDuties && who.Email.Equals(manifest.CreatedBy.Email, StringComparison.OrdinalIgnoreCase))
                {
                    throw new RegistryException(ErrorKind.Policy, $"{who.Email} registered {name} version {version} and may not approve it (separation of duties)",
                        "ask another member of " + policy.Approvers);
                }
            }
            var path = RegistryPaths.ApprovalsFile(name, version);
            var existing = snapshot.ReadFile(path) is { } text ? DocumentSerializer.Read<VersionApprovals>(DocumentKind.Approvals, text, path) : new VersionApprovals { Name = name, Version = version };
            existing.Approvals.Add(new ApprovalRecord { Stage = target, By = who, At = Now(), Comment = comment });
            var trailers = Trailers("approve", name, version);
            trailers.Add(new("Registry-Stage", target));
            return new PendingWrite($"Approve {name} version {version} for {target}", comment, trailers,
                new Dictionary<string, string?> { [path] = DocumentSerializer.Write(DocumentKind.Approvals, existing, path) });
        });
        return new WriteResult(commit, $"approved {name} version {version} for {stage} as {who.Email}");
    }

    // ---- signers ---------------------------------------------------------------------------------------

    /// <summary>The registry's allowed signers (parsed), or an empty list when it has none.</summary>
    public IReadOnlyList<AllowedSigner> Signers()
    {
        var trust = TrustStore.At(_repository.Snapshot());
        return trust.AllowedSigners?.Signers ?? [];
    }

    /// <summary>Adds a signer: a line in the allowed-signers file, and the principal to the given groups.</summary>
    public WriteResult AddSigner(string email, string publicKey, IReadOnlyList<string> groups)
    {
        var key = ParsePublicKey(publicKey);
        var commit = WriteChange(snapshot =>
        {
            var view = Permit(snapshot, PolicyAction.Configure);
            var path = view.Config.Signers?.AllowedSigners ?? "allowed_signers";
            var signers = snapshot.ReadFile(path) ?? "";
            var files = new Dictionary<string, string?>();
            var listed = AllowedSigners.Parse(signers, TimeZoneInfo.Utc).Signers.Any(s => s.Key.Equals(key) && s.MatchesPrincipal(email) && s.ValidBefore is null);
            if (!listed)
            {
                files[path] = signers + (signers.Length == 0 || signers.EndsWith('\n') ? "" : "\n") + $"{email} namespaces=\"git\" {key}\n";
            }
            var config = snapshot.ReadFile(RegistryConfig.FileName)!;
            var updated = config;
            foreach (var group in groups)
            {
                updated = RegistryConfigText.AddToGroup(updated, group, email);
            }
            if (updated != config)
            {
                DocumentSerializer.Read<RegistryConfig>(DocumentKind.Registry, updated, RegistryConfig.FileName);
                files[RegistryConfig.FileName] = updated;
            }
            if (files.Count == 0)
            {
                return null;
            }
            return new PendingWrite($"Add signer {email}" + (groups.Count > 0 ? $" to {string.Join(", ", groups)}" : ""), null,
                [new("Registry-Action", "signers-add"), new("Registry-Signer", email), new("Registry-Key", key.Fingerprint)], files);
        });
        return new WriteResult(commit, commit is null ? $"{email} is already a signer with that key" : $"added {email} ({key.KeyType} {key.Fingerprint})" + (groups.Count > 0 ? $" to {string.Join(", ", groups)}" : ""));
    }

    /// <summary>
    /// Ends the validity of a signer's keys (or one key, by fingerprint) from now on: their earlier commits still
    /// verify, later ones do not. Sets <c>valid-before</c> on the allowed-signers lines.
    /// </summary>
    public WriteResult RevokeSigner(string email, string? fingerprint)
    {
        var now = DateTime.UtcNow;
        var revoked = new List<string>();
        var commit = WriteChange(snapshot =>
        {
            revoked.Clear();
            var view = Permit(snapshot, PolicyAction.Configure);
            var path = view.Config.Signers?.AllowedSigners ?? "allowed_signers";
            var text = snapshot.ReadFile(path) ?? throw new NotFoundException($"the registry has no allowed-signers file ({path})", "add a signer first: gitreg signers add EMAIL KEY.pub");
            var parsed = AllowedSigners.Parse(text, TimeZoneInfo.Utc);
            var lines = text.Split('\n');
            foreach (var signer in parsed.Signers.Where(s => s.MatchesPrincipal(email) && (fingerprint is null || s.Key.Fingerprint == fingerprint)))
            {
                if (signer.ValidBefore is { } before && before <= now)
                {
                    continue;
                }
                lines[signer.Line - 1] = RegistryConfigText.WithValidBefore(lines[signer.Line - 1], now);
                revoked.Add(signer.Key.Fingerprint);
            }
            if (revoked.Count == 0)
            {
                throw new NotFoundException($"no key of {email}{(fingerprint is null ? "" : " with fingerprint " + fingerprint)} is valid in {path}", "list the signers with: gitreg signers list");
            }
            return new PendingWrite($"Revoke {email}'s key{(revoked.Count > 1 ? "s" : "")}", null,
                [new("Registry-Action", "signers-revoke"), new("Registry-Signer", email), new("Registry-Key", string.Join(", ", revoked))],
                new Dictionary<string, string?> { [path] = string.Join('\n', lines) });
        });
        return new WriteResult(commit, $"revoked {string.Join(", ", revoked)} of {email} from {now:yyyy-MM-dd HH:mm:ss}Z; earlier commits still verify");
    }

    private static SshPublicKey ParsePublicKey(string text)
    {
        var content = File.Exists(text) ? File.ReadAllText(text).Trim() : text.Trim();
        try
        {
            return SshPublicKey.Parse(content);
        }
        catch (FormatException e)
        {
            throw new RegistryException(ErrorKind.Usage, $"'{text}' is not an OpenSSH public key: {e.Message}", "pass the .pub file of an ssh key, e.g. ~/.ssh/id_ed25519.pub");
        }
    }
}

using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

/// <summary>
/// Signatures, policy and approvals with three people, each with their own HOME and ssh key: Ada (maintainer,
/// created the registry), Bob (ML engineer) and Carol (approver), sharing a bare origin.
/// </summary>
public sealed class TrustTests : IDisposable
{
    private readonly CliHarness _ada = new("Ada", "ada@example.com");
    private readonly CliHarness _bob = new("Bob", "bob@example.com");
    private readonly CliHarness _carol = new("Carol", "carol@example.com");
    private readonly string _origin;

    public TrustTests()
    {
        _origin = _ada.PathOf("origin.git");
        _ada.GitReg("init", _origin, "--bare").ShouldSucceed(); // the template's default: Production needs 1 approval
        _ada.GitReg("clone", _origin, Ada).ShouldSucceed();
        _ada.GitReg("--registry", Ada, "--push", "signers", "add", "bob@example.com", _bob.KeyPath + ".pub").ShouldSucceed();
        _ada.GitReg("--registry", Ada, "--push", "signers", "add", "carol@example.com", _carol.KeyPath + ".pub", "--group", "approvers").ShouldSucceed();
        _bob.GitReg("clone", _origin, Bob).ShouldSucceed();
        _carol.GitReg("clone", _origin, Carol).ShouldSucceed();
        _bob.GitReg("--registry", Bob, "--push", "register", "churn", "--artifact", _bob.ModelFile(), "--metric", "test.auc_roc=0.91").ShouldSucceed();
        _bob.GitReg("--registry", Bob, "--push", "transition", "churn", "1", "Staging").ShouldSucceed();
    }

    private string Ada => _ada.PathOf("ada");

    private string Bob => _bob.PathOf("bob");

    private string Carol => _carol.PathOf("carol");

    [Fact]
    public void A_promotion_proposed_in_a_pull_request_lands_once_an_approver_signs_off()
    {
        var direct = _bob.GitReg("--registry", Bob, "--push", "transition", "churn", "1", "Production").ShouldFailWith(ExitCodes.PolicyDenied);
        Assert.Contains("needs 1 approval(s) from approvers", direct.StandardError);
        Assert.Contains("gitreg approve churn 1", direct.StandardError);

        _bob.GitReg("--registry", Bob, "--branch", "promote/churn-1", "transition", "churn", "1", "Production", "--comment", "better on every split").ShouldSucceed();
        _bob.GitIn(Bob, "push", "-q", "origin", "promote/churn-1").ShouldSucceed();
        var unapproved = _bob.GitReg("--registry", Bob, "verify", "--range", "origin/main..promote/churn-1").ShouldFailWith(ExitCodes.SigningFailed);
        Assert.Contains("needed 1 approval(s) from approvers and had 0", unapproved.StandardError);

        _carol.GitIn(Carol, "fetch", "-q", "origin", "promote/churn-1:promote/churn-1").ShouldSucceed();
        _carol.GitReg("--registry", Carol, "--branch", "promote/churn-1", "approve", "churn", "1", "--stage", "Production", "--comment", "AUC 0.91 vs 0.88 previous").ShouldSucceed();
        _carol.GitIn(Carol, "push", "-q", "origin", "promote/churn-1").ShouldSucceed();
        _carol.GitIn(Carol, "fetch", "-q", "origin").ShouldSucceed();
        _carol.GitReg("--registry", Carol, "verify", "--range", "origin/main..origin/promote/churn-1").ShouldSucceed();

        // A maintainer merges the pull request with a signed merge commit.
        _ada.GitIn(Ada, "pull", "-q", "--ff-only").ShouldSucceed();
        _ada.GitIn(Ada, "fetch", "-q", "origin", "promote/churn-1").ShouldSucceed();
        _ada.GitIn(Ada, "merge", "-q", "--no-ff", "-S", "-m", "Merge promote/churn-1", "FETCH_HEAD").ShouldSucceed();
        _ada.GitIn(Ada, "push", "-q", "origin", "main").ShouldSucceed();

        var verify = (JObject)_ada.GitReg("--registry", _origin, "--json", "verify").ShouldSucceed().Json;
        Assert.True((bool)verify["passed"]!);
        Assert.Equal(1, (int)_ada.GitReg("--registry", _origin, "--json", "resolve", "models:/churn/Production").ShouldSucceed().Json["version"]!);
        var log = (JArray)_ada.GitReg("--registry", _origin, "--json", "log", "churn", "1").ShouldSucceed().Json;
        var approval = log.Single(e => (string)e["kind"]! == "Approved");
        Assert.Equal("carol@example.com", (string)approval["actor"]!);
        Assert.Equal("AUC 0.91 vs 0.88 previous", (string)approval["comment"]!);
        Assert.True((bool)approval["trusted"]!);
        Assert.StartsWith("SHA256:", (string)approval["key_fingerprint"]!);
        var promotion = log.Single(e => (string)e["kind"]! == "Transitioned" && (string)e["to_stage"]! == "Production");
        Assert.Equal("bob@example.com", (string)promotion["actor"]!);

        // Our verdict on each signature agrees with git's own, using the registry's allowed_signers file.
        var allowed = _ada.PathOf("allowed_signers_from_registry");
        File.WriteAllText(allowed, _ada.GitIn(_origin, "show", "HEAD:allowed_signers").StandardOutput);
        foreach (var commit in verify["commits"]!)
        {
            _ada.GitIn(_origin, "-c", $"gpg.ssh.allowedSignersFile={allowed}", "verify-commit", (string)commit["commit"]!).ShouldSucceed();
        }
    }

    [Fact]
    public void An_approver_may_not_approve_a_version_they_registered()
    {
        _ada.GitReg("--registry", Ada, "--push", "signers", "add", "bob@example.com", _bob.KeyPath + ".pub", "--group", "approvers").ShouldSucceed();
        _bob.GitReg("--registry", Bob, "pull").ShouldSucceed();

        var result = _bob.GitReg("--registry", Bob, "--push", "approve", "churn", "1").ShouldFailWith(ExitCodes.PolicyDenied);

        Assert.Contains("separation of duties", result.StandardError);
    }

    [Fact]
    public void Someone_outside_the_approvers_group_may_not_approve()
    {
        using var dave = new CliHarness("Dave", "dave@example.com");
        _ada.GitReg("--registry", Ada, "--push", "signers", "add", "dave@example.com", dave.KeyPath + ".pub").ShouldSucceed();
        dave.GitReg("clone", _origin, dave.PathOf("dave")).ShouldSucceed();

        var result = dave.GitReg("--registry", dave.PathOf("dave"), "--push", "approve", "churn", "1").ShouldFailWith(ExitCodes.PolicyDenied);

        Assert.Contains("dave@example.com may not approve", result.StandardError);
        Assert.Contains("approvers", result.StandardError);
    }

    [Fact]
    public void A_metric_gate_refuses_a_version_below_it()
    {
        _ada.GitIn(Ada, "pull", "-q", "--ff-only").ShouldSucceed();
        var config = Path.Combine(Ada, "registry.yaml");
        File.WriteAllText(config, File.ReadAllText(config).Replace("      approvals: 1 ", "      approvals: 0 ")
            .Replace("      separation_of_duties: true", "      separation_of_duties: true\n      gates:\n        - {metric: test.auc_roc, min: 0.95}"));
        _ada.GitIn(Ada, "commit", "-q", "-S", "-am", "Gate Production on test AUC").ShouldSucceed();
        _ada.GitIn(Ada, "push", "-q", "origin", "main").ShouldSucceed();
        _bob.GitReg("--registry", Bob, "pull").ShouldSucceed();

        var refused = _bob.GitReg("--registry", Bob, "--push", "transition", "churn", "1", "Production").ShouldFailWith(ExitCodes.PolicyDenied);
        _bob.GitReg("--registry", Bob, "--push", "register", "churn", "--artifact", _bob.ModelFile(seed: 2), "--metric", "test.auc_roc=0.96").ShouldSucceed();
        _bob.GitReg("--registry", Bob, "--push", "transition", "churn", "2", "Production").ShouldSucceed();

        Assert.Contains("test.auc_roc is 0.91, below the gate's minimum 0.95", refused.StandardError);
        _bob.GitReg("--registry", _origin, "verify").ShouldSucceed();
    }

    [Fact]
    public void A_promotion_forced_in_by_hand_without_approval_fails_verify()
    {
        var modelYaml = Path.Combine(Bob, "models", "churn", "model.yaml");
        File.WriteAllText(modelYaml, File.ReadAllText(modelYaml).Replace("stage: Staging", "stage: Production"));
        _bob.GitIn(Bob, "commit", "-q", "-S", "-am", "Promote churn 1").ShouldSucceed();
        _bob.GitIn(Bob, "push", "-q", "origin", "main").ShouldSucceed();

        var result = _bob.GitReg("--registry", _origin, "verify").ShouldFailWith(ExitCodes.SigningFailed);

        Assert.Contains("Promote churn 1", result.StandardError);
        Assert.Contains("needed 1 approval(s) from approvers and had 0 before the move", result.StandardError);
        var log = _bob.GitReg("--registry", _origin, "log", "churn").StandardOutput;
        Assert.Contains("POLICY VIOLATION", log);
    }

    [Fact]
    public void A_hand_edited_manifest_fails_verify()
    {
        var manifest = Path.Combine(Bob, "models", "churn", "versions", "1.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("auc_roc: 0.91", "auc_roc: 0.99"));
        _bob.GitIn(Bob, "commit", "-q", "-S", "-am", "Fix metric").ShouldSucceed();

        var result = _bob.GitReg("--registry", Bob, "verify").ShouldFailWith(ExitCodes.SigningFailed);

        Assert.Contains("models/churn/versions/1.yaml was modified after registration; version manifests are immutable", result.StandardError);
    }

    [Fact]
    public void A_commit_signed_by_an_unknown_key_fails_verify_as_it_fails_git()
    {
        using var mallory = new CliHarness("Bob", "bob@example.com"); // claims to be Bob, with another key
        var clone = mallory.PathOf("clone");
        mallory.Git("clone", "-q", _origin, clone).ShouldSucceed();
        mallory.GitReg("--registry", clone, "tag", "set", "churn", "owner", "mallory").ShouldSucceed();

        var result = mallory.GitReg("--registry", clone, "--json", "verify");

        Assert.Equal((int)ExitCodes.SigningFailed, result.ExitCode);
        var last = result.Json["commits"]!.Last!;
        Assert.Equal("UnknownKey", (string)last["signature"]!["status"]!);
        var allowed = mallory.PathOf("registry_signers");
        File.WriteAllText(allowed, mallory.GitIn(clone, "show", "HEAD:allowed_signers").StandardOutput);
        Assert.NotEqual(0, mallory.GitIn(clone, "-c", $"gpg.ssh.allowedSignersFile={allowed}", "verify-commit", "HEAD").ExitCode);
    }

    [Fact]
    public void A_commit_whose_message_lies_about_its_change_fails_verify()
    {
        var modelYaml = Path.Combine(Bob, "models", "churn", "model.yaml");
        File.WriteAllText(modelYaml, File.ReadAllText(modelYaml).Replace("stage: Staging", "stage: Archived"));
        _bob.GitIn(Bob, "commit", "-q", "-S", "-am", "Describe churn\n\nRegistry-Action: describe\nRegistry-Model: churn").ShouldSucceed();

        var result = _bob.GitReg("--registry", Bob, "verify").ShouldFailWith(ExitCodes.SigningFailed);

        Assert.Contains("the message says 'describe', but the diff also moved churn version 1 from Staging to Archived", result.StandardError);
    }

    [Fact]
    public void A_revoked_key_keeps_its_past_commits_valid_but_signs_nothing_new()
    {
        _ada.GitIn(Ada, "pull", "-q", "--ff-only").ShouldSucceed();
        _ada.GitReg("--registry", Ada, "--push", "signers", "revoke", "bob@example.com").ShouldSucceed();
        _bob.GitReg("--registry", Bob, "pull").ShouldSucceed();
        _bob.GitReg("--registry", Bob, "verify").ShouldSucceed();
        // git reads the edited allowed_signers file the same way: Bob's earlier commit still verifies.
        var signersFile = _bob.PathOf("signers_after_revoke");
        File.WriteAllText(signersFile, _bob.GitIn(Bob, "show", "HEAD:allowed_signers").StandardOutput);
        var bobsFirst = _bob.GitIn(Bob, "log", "--author=bob@example.com", "--format=%H").StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        _bob.GitIn(Bob, "-c", $"gpg.ssh.allowedSignersFile={signersFile}", "verify-commit", bobsFirst).ShouldSucceed();

        // A commit an hour after the revocation (the committer date set the way git lets any committer set it).
        _bob.Environment["GIT_COMMITTER_DATE"] = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var modelYaml = Path.Combine(Bob, "models", "churn", "model.yaml");
        File.WriteAllText(modelYaml, File.ReadAllText(modelYaml).Replace("tags: {}", "tags:\n  owner: bob").Replace("name: churn\n", "name: churn\n"));
        _bob.GitIn(Bob, "commit", "-q", "-S", "-am", "Tag churn").ShouldSucceed();

        var result = _bob.GitReg("--registry", Bob, "--json", "verify");
        Assert.Equal((int)ExitCodes.SigningFailed, result.ExitCode);
        Assert.Equal("KeyExpired", (string)result.Json["commits"]!.Last!["signature"]!["status"]!);
        Assert.NotEqual(0, _bob.GitIn(Bob, "-c", $"gpg.ssh.allowedSignersFile={signersFile}", "verify-commit", "HEAD").ExitCode);
        Assert.Single((JArray)result.Json["commits"]!, c => !(bool)c["passed"]!);
        var signers = (JArray)_ada.GitReg("--registry", Ada, "--json", "signers", "list").ShouldSucceed().Json;
        Assert.NotNull(signers.Single(s => (string)s["principals"]![0]! == "bob@example.com")["valid_before"]);
    }

    public void Dispose()
    {
        _ada.Dispose();
        _bob.Dispose();
        _carol.Dispose();
    }
}

using System.CommandLine;
using GitRegistry.Trust;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Verify the commits after this one (exclusive) up to the branch tip.", HelpName = "REV" };
        var range = new Option<string?>("--range") { Description = "Verify the commits in A..B, e.g. origin/main..HEAD in a pull request's CI.", HelpName = "A..B" };
        var noCache = NoCacheOption();
        var command = new Command("verify", "Verify history: every signature against the registry's signers, every change against its policy; exits 5 on any failure.") { since, range, noCache };
        command.SetAction(parse => CommandRunner.Run(parse, context =>
        {
            var report = context.ReadRegistry.Verify(context.Get(since), context.Get(range), useCache: !context.Get(noCache));
            if (context.Output.Json)
            {
                context.Output.WriteJson(new JObject
                {
                    ["range"] = report.Range,
                    ["passed"] = report.Passed,
                    ["commits_verified"] = report.Commits.Count,
                    ["commits_failed"] = report.Failures.Count(),
                    ["commits_remembered"] = report.Remembered,
                    ["commits"] = new JArray(report.Commits.Select(Json)),
                });
            }
            else
            {
                foreach (var failure in report.Failures)
                {
                    context.Output.Error.WriteLine($"FAILED {failure.CommitId[..10]} {failure.Subject}");
                    foreach (var problem in failure.Problems)
                    {
                        context.Output.Error.WriteLine($"  - {problem}");
                    }
                }
                var failed = report.Failures.Count();
                // Say when verdicts came from earlier runs, so nobody takes a second's run for a full check unknowingly.
                var remembered = report.Remembered == 0 ? "" : $"; {report.Remembered} remembered from earlier runs, --no-cache checks them again";
                context.Output.Plain(failed == 0
                    ? $"Verified {report.Commits.Count} commit(s) ({report.Range}{remembered}): every signature and change is allowed."
                    : $"{failed} of {report.Commits.Count} commit(s) failed verification ({report.Range}{remembered}).");
            }
            return report.Passed ? 0 : (int)ExitCodes.SigningFailed;
        }));
        return command;
    }

    /// <summary>The option that skips the verdicts kept from earlier runs (verify, log, site).</summary>
    public static Option<bool> NoCacheOption() => new("--no-cache")
    {
        Description = "Verify every commit from scratch, ignoring the verdicts kept from earlier runs (remembered by commit id in the git directory).",
    };

    private static JObject Json(CommitReport commit) => new()
    {
        ["commit"] = commit.CommitId,
        ["subject"] = commit.Subject,
        ["passed"] = commit.Passed,
        ["signature"] = new JObject
        {
            ["status"] = commit.Signature.Status.ToString(),
            ["principal"] = commit.Signature.Principal,
            ["key_fingerprint"] = commit.Signature.KeyFingerprint,
            ["committer_email"] = commit.Signature.CommitterEmail,
            ["time"] = commit.Signature.CommitterTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["detail"] = commit.Signature.Detail,
        },
        ["events"] = new JArray(commit.Events.Select(LogCommand.Json)),
        ["problems"] = new JArray(commit.Problems),
    };
}

using System.Diagnostics;
using System.Globalization;

namespace GitRegistry.Bench;

/// <summary>gitreg verify against git log --show-signature over the same signed commits.</summary>
internal static class VerifyBenchmark
{
    public static void Run(int signed)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gitreg-bench-verify");
        var fixture = ScaleFixture.Build(folder, 10, 10, signed);
        Console.WriteLine($"fixture: {fixture.Commits} commits ({signed} signed) in {fixture.Elapsed.TotalSeconds:F1} s");
        var allowed = Path.Combine(folder, "allowed_signers");
        File.WriteAllText(allowed, Git(fixture.Registry, "show", "HEAD:allowed_signers"));

        var loadBefore = Measure.Load();
        var tool = Measure.GitRegReadyToRun ?? Measure.GitReg;
        var gitreg = Measure.Time(3, "dotnet", tool, "--registry", fixture.Registry, "verify", "--since", fixture.SignedFrom, "--no-cache");
        var resources = Measure.Resources("dotnet", tool, "--registry", fixture.Registry, "verify", "--since", fixture.SignedFrom, "--no-cache");
        // Once more keeping the verdicts, then again reading them back: what every later run costs.
        Measure.Time(1, "dotnet", tool, "--registry", fixture.Registry, "verify", "--since", fixture.SignedFrom);
        var cached = Measure.Time(3, "dotnet", tool, "--registry", fixture.Registry, "verify", "--since", fixture.SignedFrom);
        var git = Measure.Time(1, "git", "--git-dir", fixture.Registry, "-c", $"gpg.ssh.allowedSignersFile={allowed}", "log", "--show-signature", $"{fixture.SignedFrom}..main");
        var ratio = git.TotalMilliseconds / gitreg.TotalMilliseconds;
        Measure.Report("verify", $"""
            ## Signature and policy verification

            `gitreg verify --since BASE` (signatures checked in-process, plus every policy rule on every diff) against
            `git log --show-signature BASE..main` (signatures only, one ssh-keygen pair per commit) over the same {signed:N0}
            signed commits (ed25519; registrations and tag changes across 10 models, so each model.yaml grows to about
            {signed / 2 / 10 + 10:N0} versions). gitreg runs {(tool == Measure.GitReg ? "JIT-compiled" : "as the ReadyToRun build")}. Target: at least 10x faster.

            | command | time | per commit |
            |---|---|---|
            | `gitreg verify --since BASE --no-cache` (every commit from scratch; median of 3, whole process) | {Measure.Ms(gitreg)} | {(gitreg.TotalMilliseconds / signed).ToString("F2", CultureInfo.InvariantCulture)} ms |
            | `git log --show-signature BASE..main` | {Measure.Ms(git)} | {(git.TotalMilliseconds / signed).ToString("F2", CultureInfo.InvariantCulture)} ms |
            | ratio | **{ratio.ToString("F1", CultureInfo.InvariantCulture)}x faster** ({(ratio >= 10 ? "target met" : $"target missed by {(10 / ratio).ToString("F1", CultureInfo.InvariantCulture)}x")}) | |
            | `gitreg verify --since BASE` again, verdicts kept by the run before (median of 3) | {Measure.Ms(cached)} | {(cached.TotalMilliseconds / signed).ToString("F3", CultureInfo.InvariantCulture)} ms |
            | ratio, verdicts kept | **{(git.TotalMilliseconds / cached.TotalMilliseconds).ToString("F0", CultureInfo.InvariantCulture)}x faster** | |

            One more run under GNU time: {Measure.Ms(resources.Wall)} wall, {Measure.Ms(resources.Cpu)} CPU ({(resources.Cpu.TotalMilliseconds / signed).ToString("F2", CultureInfo.InvariantCulture)} ms per commit), peak memory {resources.PeakKiB / 1024} MiB.
            Most of a commit's CPU time is reading the model.yaml it changed: it holds the state of every version of the
            model, so its YAML grows with the model, while git's cost per commit does not.

            Machine: {Measure.Machine()}. Load average (1, 5, 15 min): {loadBefore} before, {Measure.Load()} after.
            Command: `dotnet run -c Release --project bench/GitRegistry.Bench -- verify {signed}`.
            """);
    }

    private static string Git(string gitDir, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo("git", ["--git-dir", gitDir, .. args]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}

using System.Diagnostics;
using System.Globalization;

namespace GitRegistry.Bench;

/// <summary>
/// The scale benchmarks: gitreg commands on a large registry, each timed as a whole process beside the git
/// command that does the least work answering the same question, reported as a ratio.
/// </summary>
internal static class ScaleBenchmark
{
    public static void Run(string size, int runs)
    {
        var (models, versions) = ScaleFixture.Sizes[size];
        var folder = Path.Combine(Path.GetTempPath(), $"gitreg-bench-{size}");
        // A tail of signed commits on top, so that verify can be measured on this registry too.
        const int signed = 1000;
        var fixture = ScaleFixture.Build(folder, models, versions, signedCommits: signed);
        var small = ScaleFixture.Build(Path.Combine(Path.GetTempPath(), "gitreg-bench-small"), 10, 10, signedCommits: 0);
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", fixture.GitConfig);
        var registry = fixture.Registry;
        var model = ScaleFixture.ModelNameOf(models / 2);
        var loadBefore = Measure.Load();
        var r2r = Measure.GitRegReadyToRun;
        string[] Args(string tool, params string[] args) => [tool, "--registry", registry, .. args];

        var rows = new List<string>();
        void Compare(string what, string[] args, string baseline, Func<TimeSpan> theirs, double target, string targetText)
        {
            var jit = Measure.Time(runs, "dotnet", Args(Measure.GitReg, args));
            var ready = r2r is null ? (TimeSpan?)null : Measure.Time(runs, "dotnet", Args(r2r, args));
            var git = theirs();
            var ratio = (ready ?? jit) / git;
            rows.Add($"| {what} | {Measure.Ms(jit)} | {(ready is { } r ? Measure.Ms(r) : "-")} | {baseline} | {Measure.Ms(git)} | {Ratio(ratio)} | {targetText} | {Verdict(ratio, target)} |");
        }

        Compare($"`gitreg resolve models:/{model}/Production`", ["resolve", $"models:/{model}/Production"],
            $"`git show HEAD:models/{model}/model.yaml`", () => Measure.Time(runs, "git", "--git-dir", registry, "show", $"HEAD:models/{model}/model.yaml"), 3, "within 3x");
        Compare($"`gitreg versions {model}`", ["versions", model],
            "`git ls-tree` + `git cat-file --batch` of each manifest", () => LsTreeAndShow(registry, model, runs), 2, "under 2x");
        Compare($"`gitreg show {model}`", ["show", model],
            "`git ls-tree` + `git cat-file --batch` of each manifest", () => LsTreeAndShow(registry, model, runs), 2, "under 2x");
        Compare($"`gitreg log {model} --no-cache` (each commit verified)", ["log", model, "--no-cache"],
            $"`git log --oneline -- models/{model}`", () => Measure.Time(runs, "git", "--git-dir", registry, "log", "--oneline", "--", $"models/{model}"), 1.5, "within 1.5x");
        // After its first run, log reads the verdicts it kept.
        Compare($"`gitreg log {model}` (verdicts kept)", ["log", model],
            $"`git log --oneline -- models/{model}`", () => Measure.Time(runs, "git", "--git-dir", registry, "log", "--oneline", "--", $"models/{model}"), 1.5, "within 1.5x");

        var startupJit = Measure.Time(runs * 2, "dotnet", Measure.GitReg, "--version");
        var startupR2r = r2r is null ? (TimeSpan?)null : Measure.Time(runs * 2, "dotnet", r2r, "--version");
        var gitStartup = Measure.Time(runs * 2, "git", "--version");
        var tool = r2r ?? Measure.GitReg;

        // Validate from scratch (no cache), then again with what the first run recorded; verify over the signed tail.
        if (Directory.Exists(Path.Combine(registry, "gitreg")))
        {
            Directory.Delete(Path.Combine(registry, "gitreg"), recursive: true);
        }
        var cold = Measure.Resources("dotnet", Args(tool, "validate", "--no-cache"));
        var first = Measure.Resources("dotnet", Args(tool, "validate"));
        var warm = Measure.Resources("dotnet", Args(tool, "validate"));
        var verify = Measure.Resources("dotnet", Args(tool, "verify", "--since", fixture.SignedFrom, "--no-cache"));
        var gitVerify = Measure.Resources("git", "--git-dir", registry, "-c", $"gpg.ssh.allowedSignersFile={AllowedSigners(registry, folder)}", "log", "--show-signature", $"{fixture.SignedFrom}..main");
        var manifests = fixture.Versions + signed / 2;
        string PerCore(TimeSpan time) => (manifests / time.TotalSeconds / Environment.ProcessorCount).ToString("N0", CultureInfo.InvariantCulture);
        string PerCpu(TimeSpan cpu) => (manifests / cpu.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);
        string ValidateRow(string what, (TimeSpan Wall, TimeSpan Cpu, long PeakKiB, int ExitCode) run) =>
            $"| {what} | {Measure.Ms(run.Wall)} | {Measure.Ms(run.Cpu)} | {PerCore(run.Wall)} | {PerCpu(run.Cpu)} | {run.PeakKiB / 1024} MiB | {Verdict(20_000 / (manifests / run.Wall.TotalSeconds / Environment.ProcessorCount), 1)} |";

        var registerLarge = TimeRegister(tool, registry, folder, runs);
        var registerSmall = TimeRegister(tool, small.Registry, folder, runs);
        var loadAfter = Measure.Load();

        Measure.Report($"scale-{size}", $"""
            ## Scale: {size} registry ({models:N0} models x {versions:N0} versions, {fixture.Commits:N0} commits)

            Whole-process wall times, median of {runs} runs, against the least git work that answers the same question. gitreg
            runs as `dotnet gitreg.dll`, both as built (JIT) and as published ReadyToRun for linux-x64 (`bench/run-all.sh`
            publishes it); the ratio is the ReadyToRun one. The fixture (`ScaleFixture`, git fast-import, then {signed:N0}
            commits signed in-process) took {fixture.Elapsed.TotalSeconds:F0} s to build.
            Load average (1, 5, 15 min): {loadBefore} before, {loadAfter} after (other work shares this machine).

            | question | gitreg (JIT) | gitreg (ReadyToRun) | git baseline | git | ratio | target | met |
            |---|---|---|---|---|---|---|---|
            {string.Join("\n", rows)}

            Start-up: `gitreg --version` takes {Measure.Ms(startupJit)} JIT-compiled and {(startupR2r is { } s ? Measure.Ms(s) : "-")} ReadyToRun; `git --version`
            takes {Measure.Ms(gitStartup)}. The .NET runtime's own start is most of gitreg's, so every whole-process target against a
            git command that answers in a few milliseconds is out of reach for a .NET tool that is not compiled natively.

            `gitreg validate` over {manifests:N0} manifests and {models:N0} model files ({(r2r is null ? "JIT" : "ReadyToRun")}); target 20,000 manifests per second per core.
            Per core is the wall rate over {Environment.ProcessorCount} cores; per CPU-second counts the CPU time gitreg actually got
            (on a loaded machine the wall rate undercounts).

            | run | wall | CPU | manifests/s/core | manifests per CPU-second | peak memory | met |
            |---|---|---|---|---|---|---|
            {ValidateRow("from scratch (`--no-cache`)", cold)}
            {ValidateRow("first run, recording what passed", first)}
            {ValidateRow("again, nothing changed since", warm)}

            | figure | value | baseline | target |
            |---|---|---|---|
            | `gitreg verify --since BASE` over the {signed:N0} signed commits on top of this registry | {Measure.Ms(verify.Wall)} ({(verify.Wall.TotalMilliseconds / signed).ToString("F2", CultureInfo.InvariantCulture)} ms per commit), peak memory {verify.PeakKiB / 1024} MiB | `git log --show-signature`: {Measure.Ms(gitVerify.Wall)} ({(gitVerify.Wall.TotalMilliseconds / signed).ToString("F2", CultureInfo.InvariantCulture)} ms per commit); gitreg {Ratio(gitVerify.Wall / verify.Wall)} faster | 10x faster |
            | `gitreg register` into this registry | {Measure.Ms(registerLarge)} | into a 10 x 10 registry: {Measure.Ms(registerSmall)} | no growth beyond git's tree update |

            Machine: {Measure.Machine()}.
            Command: `dotnet run -c Release --project bench/GitRegistry.Bench -- scale {size} {runs}` (after `bash bench/run-all.sh` has published the ReadyToRun build).
            """);
    }

    private static string Ratio(double ratio) => ratio.ToString("F1", CultureInfo.InvariantCulture) + "x";

    // Met, or missed by how much (a ratio over target).
    private static string Verdict(double ratio, double target) =>
        ratio <= target ? "yes" : $"no, {(ratio / target).ToString("F1", CultureInfo.InvariantCulture)}x over";

    private static string AllowedSigners(string registry, string folder)
    {
        var path = Path.Combine(folder, "allowed_signers");
        File.WriteAllText(path, Capture("git", "--git-dir", registry, "show", "HEAD:allowed_signers"));
        return path;
    }

    private static TimeSpan LsTreeAndShow(string registry, string model, int runs)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var files = Capture("git", "--git-dir", registry, "ls-tree", "--name-only", $"HEAD:models/{model}/versions").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // One git process for all the manifests, as a script that wants the least work would do.
            var batch = string.Join("\n", files.Select(f => $"HEAD:models/{model}/versions/{f}").Append($"HEAD:models/{model}/model.yaml")) + "\n";
            Capture("git", ["--git-dir", registry, "cat-file", "--batch"], batch);
            times.Add(clock.Elapsed);
        }
        return times.Order().ElementAt(times.Count / 2);
    }

    private static TimeSpan TimeRegister(string tool, string registry, string folder, int runs)
    {
        var artifact = Path.Combine(folder, "artifact.bin");
        File.WriteAllBytes(artifact, new byte[64 * 1024]);
        return Measure.Time(runs, "dotnet", tool, "--registry", registry, "register", ScaleFixture.ModelNameOf(0), "--artifact", artifact);
    }

    private static string Capture(string program, params string[] args) => Capture(program, args, null);

    private static string Capture(string program, string[] args, string? input, bool stderr = false)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null })!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return stderr ? error : output.Result;
    }
}

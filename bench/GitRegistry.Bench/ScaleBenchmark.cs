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
        var fixture = ScaleFixture.Build(folder, models, versions, signedCommits: 0);
        var small = ScaleFixture.Build(Path.Combine(Path.GetTempPath(), "gitreg-bench-small"), 10, 10, signedCommits: 0);
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", fixture.GitConfig);
        var registry = fixture.Registry;
        var model = ScaleFixture.ModelNameOf(models / 2);
        string[] Gitreg(params string[] args) => [Measure.GitReg, "--registry", registry, .. args];

        var rows = new List<(string What, TimeSpan Ours, string Baseline, TimeSpan Theirs, string Target)>();
        void Compare(string what, string[] ours, string baseline, Func<TimeSpan> theirs, string target) =>
            rows.Add((what, Measure.Time(runs, "dotnet", ours), baseline, theirs(), target));

        Compare($"`gitreg resolve models:/{model}/Production`", Gitreg("resolve", $"models:/{model}/Production"),
            $"`git show HEAD:models/{model}/model.yaml`", () => Measure.Time(runs, "git", "--git-dir", registry, "show", $"HEAD:models/{model}/model.yaml"), "within 3x");
        Compare($"`gitreg versions {model}`", Gitreg("versions", model),
            "`git ls-tree` + `git show` of each manifest", () => LsTreeAndShow(registry, model, runs), "under 2x");
        Compare($"`gitreg show {model}`", Gitreg("show", model),
            "`git ls-tree` + `git show` of each manifest", () => LsTreeAndShow(registry, model, runs), "under 2x");
        Compare($"`gitreg log {model}`", Gitreg("log", model),
            $"`git log --oneline -- models/{model}`", () => Measure.Time(runs, "git", "--git-dir", registry, "log", "--oneline", "--", $"models/{model}"), "within 1.5x");

        var validate = Measure.Time(1, "dotnet", Gitreg("validate"));
        var startup = Measure.Time(runs * 2, "dotnet", Measure.GitReg, "--version");
        var registerLarge = TimeRegister(registry, folder, runs);
        var registerSmall = TimeRegister(small.Registry, folder, runs);
        var peakValidate = PeakMemory(Gitreg("validate"));

        var table = string.Join("\n", rows.Select(r =>
            $"| {r.What} | {Measure.Ms(r.Ours)} | {r.Baseline} | {Measure.Ms(r.Theirs)} | {(r.Ours / r.Theirs).ToString("F1", CultureInfo.InvariantCulture)}x | {r.Target} |"));
        Measure.Report($"scale-{size}", $"""
            ## Scale: {size} registry ({models:N0} models x {versions:N0} versions, {fixture.Commits:N0} commits)

            Whole-process wall times, median of {runs} runs, against the least git work that answers the same question.
            The fixture was built by `ScaleFixture` with git fast-import in {fixture.Elapsed.TotalSeconds:F0} s.

            | gitreg | time | git baseline | time | ratio | target |
            |---|---|---|---|---|---|
            {table}

            | figure | value | target |
            |---|---|---|
            | `gitreg validate` over {fixture.Versions:N0} manifests | {Measure.Ms(validate)} ({(fixture.Versions / validate.TotalSeconds / Environment.ProcessorCount).ToString("F0", CultureInfo.InvariantCulture)} manifests/s/core) | 20,000 manifests/s/core |
            | peak memory of `gitreg validate` | {peakValidate / 1024} MiB | |
            | `gitreg register` into this registry | {Measure.Ms(registerLarge)} | no growth beyond git's tree update |
            | `gitreg register` into a 10 x 10 registry | {Measure.Ms(registerSmall)} | |
            | `gitreg --version` (start-up) | {Measure.Ms(startup)} | |

            Machine: {Measure.Machine()}.
            Command: `dotnet run -c Release --project bench/GitRegistry.Bench -- scale {size}`.
            """);
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

    private static TimeSpan TimeRegister(string registry, string folder, int runs)
    {
        var artifact = Path.Combine(folder, "artifact.bin");
        File.WriteAllBytes(artifact, new byte[64 * 1024]);
        return Measure.Time(runs, "dotnet", Measure.GitReg, "--registry", registry, "register", ScaleFixture.ModelNameOf(0), "--artifact", artifact);
    }

    /// <summary>Peak resident memory in KiB of one run, from GNU time.</summary>
    private static long PeakMemory(string[] gitregArgs)
    {
        var output = Capture("/usr/bin/time", ["-f", "%M", "dotnet", .. gitregArgs], null, stderr: true);
        return long.Parse(output.Trim().Split('\n').Last(), CultureInfo.InvariantCulture);
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

using System.Globalization;

namespace GitRegistry.Bench;

/// <summary>gitreg site on a scale fixture, with gitreg verify on the same history for comparison (the site reads it verified).</summary>
internal static class SiteBenchmark
{
    public static void Run(string size, int runs)
    {
        var (models, versions) = ScaleFixture.Sizes[size];
        var folder = Path.Combine(Path.GetTempPath(), "gitreg-bench-site");
        var fixture = ScaleFixture.Build(folder, models, versions, 0);
        Console.WriteLine($"fixture: {fixture.Versions} versions, {fixture.Commits} commits in {fixture.Elapsed.TotalSeconds:F1} s");
        var output = Path.Combine(folder, "site");

        var site = Median(runs, 0, "--registry", fixture.Registry, "site", "-o", output, "--no-cache");
        // The fixture's commits are unsigned, so verify reports them (exit 5) after doing all its work; it keeps
        // its verdicts, which the site built after it (as in the registry template's CI job) reads back.
        var verify = Median(1, 5, "--registry", fixture.Registry, "verify");
        var afterVerify = Median(runs, 0, "--registry", fixture.Registry, "site", "-o", output);
        var files = Directory.GetFiles(output, "*.html", SearchOption.AllDirectories);
        var megabytes = files.Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);
        Measure.Report($"site-{size}", $"""
            ## Static site

            `gitreg site -o DIR` on the {size} scale fixture: {models} models x {versions} versions ({fixture.Versions:N0}
            versions, {fixture.Commits:N0} unsigned commits; every tenth version promoted to Production, every 25th the
            champion alias). It reads the whole history once, verified (`gitreg verify`'s work), then writes
            {files.Length:N0} pages ({megabytes.ToString("F0", CultureInfo.InvariantCulture)} MB): the index, a page per model, per version and per comparison of consecutive versions.

            | command | wall time | CPU time (user + sys) |
            |---|---|---|
            | `gitreg site -o DIR --no-cache` (history verified from scratch; median of {runs}, whole process) | {site.Wall} | {site.Cpu} |
            | `gitreg verify` (the history read the site includes; it keeps its verdicts) | {verify.Wall} | {verify.Cpu} |
            | `gitreg site -o DIR` after that verify, reading its verdicts (median of {runs}) | {afterVerify.Wall} | {afterVerify.Cpu} |

            Machine: {Measure.Machine()}; load average (1, 5, 15 min) {Measure.Load()} when measured (the machine was shared with other builds,
            so wall time is pessimistic; CPU time is the steadier figure).
            Command: `dotnet run -c Release --project bench/GitRegistry.Bench -- site {size} {runs}`.
            """);
    }

    /// <summary>Runs gitreg under /usr/bin/time; the median run's wall and CPU seconds.</summary>
    private static (string Wall, string Cpu) Median(int runs, int expectedExit, params string[] args)
    {
        var results = new List<(TimeSpan Wall, TimeSpan Cpu)>();
        for (var i = 0; i < runs; i++)
        {
            var (wall, cpu, _, exit) = Measure.Resources("dotnet", [Measure.GitReg, .. args]);
            if (exit != expectedExit)
            {
                throw new InvalidOperationException($"gitreg {string.Join(' ', args)} exited with {exit}, not {expectedExit}");
            }
            results.Add((wall, cpu));
        }
        var median = results.OrderBy(r => r.Wall).ElementAt(results.Count / 2);
        return (S(median.Wall.TotalSeconds), S(median.Cpu.TotalSeconds));
    }

    private static string S(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
}

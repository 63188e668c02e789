using System.Diagnostics;
using System.Globalization;

namespace GitRegistry.Bench;

/// <summary>Whole-process timings (median of runs) and the environment a benchmark runs in.</summary>
internal static class Measure
{
    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GitRegistry.sln")))
            {
                folder = folder.Parent;
            }
            return folder?.FullName ?? throw new InvalidOperationException("run the bench from inside the repository");
        }
    }

    public static string GitReg => Path.Combine(RepositoryRoot, "src", "GitRegistry.Cli", "bin", "Release", "net10.0", "gitreg.dll");

    /// <summary>gitreg published ReadyToRun for this machine (bench/run-all.sh makes it), or null when absent.</summary>
    public static string? GitRegReadyToRun =>
        Path.Combine(RepositoryRoot, "artifacts", "bench", "gitreg-r2r", "gitreg.dll") is var path && File.Exists(path) ? path : null;

    /// <summary>One run under GNU time: wall time, CPU time (user + system), peak resident memory in KiB, exit code.</summary>
    public static (TimeSpan Wall, TimeSpan Cpu, long PeakKiB, int ExitCode) Resources(string program, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "gnu-time %e %U %S %M", program, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        var line = error.Split('\n').Last(l => l.StartsWith("gnu-time ", StringComparison.Ordinal)).Split(' ');
        double Number(int i) => double.Parse(line[i], CultureInfo.InvariantCulture);
        return (TimeSpan.FromSeconds(Number(1)), TimeSpan.FromSeconds(Number(2) + Number(3)), (long)Number(4), process.ExitCode);
    }

    /// <summary>Median wall time of <paramref name="runs"/> runs; each run must exit 0.</summary>
    public static TimeSpan Time(int runs, string program, params string[] args)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var start = new ProcessStartInfo(program, args) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            clock.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {error.Result}");
            }
            times.Add(clock.Elapsed);
        }
        return times.Order().ElementAt(times.Count / 2);
    }

    /// <summary>The load averages (1, 5, 15 minutes) from /proc/loadavg: other work on the machine skews every timing.</summary>
    public static string Load() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static string Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";
        return $"{Environment.ProcessorCount} cores ({cpu}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, {GitVersion()}";
    }

    private static string GitVersion()
    {
        using var process = Process.Start(new ProcessStartInfo("git", ["--version"]) { RedirectStandardOutput = true })!;
        return process.StandardOutput.ReadToEnd().Trim();
    }

    public static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>Replaces (or appends) the section between <c>&lt;!-- bench:NAME --&gt;</c> markers in docs/benchmarks.md.</summary>
    public static void Report(string name, string markdown)
    {
        var path = Path.Combine(RepositoryRoot, "docs", "benchmarks.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\nEvery figure here is written by the benchmark program that measured it (`bench/`), with the machine and the command.\n";
        var begin = $"<!-- bench:{name} -->";
        var end = $"<!-- /bench:{name} -->";
        var section = $"{begin}\n{markdown.TrimEnd()}\n{end}";
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from ? text[..from] + section + text[(to + end.Length)..] : text.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, text);
        Console.WriteLine(markdown);
    }
}

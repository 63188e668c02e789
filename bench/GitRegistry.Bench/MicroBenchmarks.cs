using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GitRegistry.Storage;

namespace GitRegistry.Bench;

/// <summary>
/// BenchmarkDotNet's in-process figures (manifest parse + validate, resolve), with a short job so that the run
/// takes minutes, written into docs/benchmarks.md.
/// </summary>
internal static class MicroBenchmarks
{
    public sealed record Setup(string Registry, string Model, string ManifestText);

    private static Setup? _fixture;

    /// <summary>The fixture the benchmark classes read (set before BenchmarkDotNet runs them in this process).</summary>
    public static Setup Fixture => _fixture ?? throw new InvalidOperationException("run the micro benchmarks through MicroBenchmarks.Run");

    public static void Run(string size)
    {
        var (models, versions) = ScaleFixture.Sizes[size];
        var built = ScaleFixture.Build(Path.Combine(Path.GetTempPath(), $"gitreg-bench-micro-{size}"), models, versions, signedCommits: 0);
        var model = ScaleFixture.ModelNameOf(models / 2);
        using (var git = new LibGit2Sharp.Repository(built.Registry))
        {
            _fixture = new Setup(built.Registry, model, new RegistrySnapshot(git.Head.Tip).ReadFile(RegistryPaths.VersionFile(model, 3))!);
        }

        var load = Measure.Load();
        // In-process (no generated project to build on a busy machine), and short: 3 warm-ups, 5 measured iterations.
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator)
            .WithArtifactsPath(Path.Combine(Measure.RepositoryRoot, "artifacts", "bench", "BenchmarkDotNet"));
        var summaries = new[] { BenchmarkRunner.Run<DocumentBenchmarks>(config), BenchmarkRunner.Run<ResolveBenchmarks>(config) };
        var rows = summaries.SelectMany(s => s.Reports).Select(Row);

        Measure.Report("micro", $"""
            ## In-process figures (BenchmarkDotNet)

            BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version?.ToString(3)}, in-process toolchain, 3 warm-up and 5 measured
            iterations (a short job: these are for seeing where time goes, not for sub-percent comparisons). The manifest
            is `{RegistryPaths.VersionFile(model, 3)}` of the {size} fixture ({_fixture.ManifestText.Length:N0} characters: 20 params,
            3 splits x 6 metrics, lineage, artifact, signature, tags); resolve runs on the {size} fixture ({built.Versions:N0} versions), registry open.

            | operation | mean | per second (one core) | allocated |
            |---|---|---|---|
            {string.Join("\n", rows)}

            Target for reading manifests: 20,000 per second per core (50 us each).
            Machine: {Measure.Machine()}. Load average (1, 5, 15 min): {load} before, {Measure.Load()} after.
            Command: `dotnet run -c Release --project bench/GitRegistry.Bench -- micro {size}`.
            """);
    }

    private static string Row(BenchmarkReport report)
    {
        var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
        var mean = report.ResultStatistics?.Mean ?? double.NaN;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        return $"| {name} | {Micro(mean)} | {(1e9 / mean).ToString("N0", CultureInfo.InvariantCulture)} | {(allocated / 1024.0).ToString("F1", CultureInfo.InvariantCulture)} KiB |";
    }

    private static string Micro(double nanoseconds) =>
        nanoseconds >= 1e6 ? (nanoseconds / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms" : (nanoseconds / 1e3).ToString("F1", CultureInfo.InvariantCulture) + " us";
}

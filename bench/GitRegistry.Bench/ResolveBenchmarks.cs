using BenchmarkDotNet.Attributes;
using GitRegistry.Reading;

namespace GitRegistry.Bench;

/// <summary>In-process cost of resolving a model URI on the fixture, the registry already open (what a server pays per request).</summary>
[MemoryDiagnoser]
public class ResolveBenchmarks
{
    private Registry? _registry;
    private string _production = "";
    private string _latest = "";

    [GlobalSetup]
    public void Setup()
    {
        var fixture = MicroBenchmarks.Fixture;
        _registry = Registry.Open(fixture.Registry);
        _production = $"models:/{fixture.Model}/Production";
        _latest = $"models:/{fixture.Model}/latest";
    }

    [GlobalCleanup]
    public void Cleanup() => _registry?.Dispose();

    [Benchmark(Description = "resolve models:/m/Production")]
    public ModelVersionInfo ResolveProduction() => _registry!.Resolve(_production);

    [Benchmark(Description = "resolve models:/m/latest")]
    public ModelVersionInfo ResolveLatest() => _registry!.Resolve(_latest);
}

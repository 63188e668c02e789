using System.Diagnostics;

namespace GitRegistry.Bench;

/// <summary>
/// Where a cold <c>gitreg resolve</c> spends its time, in a fresh process: the runtime reaching Main, opening the
/// registry (loading libgit2), the first resolve (JIT, static set-up, first reads) and a second, warm one.
/// </summary>
internal static class StartupProbe
{
    public static void Run(string registry, string uri)
    {
        var toMain = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var clock = Stopwatch.StartNew();
        using var opened = Registry.Open(registry);
        var open = clock.Elapsed;
        clock.Restart();
        var first = opened.Resolve(uri);
        var firstResolve = clock.Elapsed;
        clock.Restart();
        opened.Resolve(uri);
        var warm = clock.Elapsed;
        Console.WriteLine($"to Main {toMain.TotalMilliseconds:F0} ms; open {open.TotalMilliseconds:F1} ms; first resolve {firstResolve.TotalMilliseconds:F1} ms; warm resolve {warm.TotalMilliseconds:F2} ms ({first.Name} v{first.Version})");
    }
}

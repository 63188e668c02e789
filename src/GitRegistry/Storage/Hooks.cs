namespace GitRegistry.Storage;

/// <summary>
/// Fault-injection points for the crash-safety tests: with <c>GITREG_TEST_PAUSE=NAME</c> set, the process
/// announces "paused at NAME" on stderr and sleeps at that point, so that a test can kill it there. Unset in
/// normal use, where each call is one environment lookup.
/// </summary>
internal static class Hooks
{
    public static void Pause(string point)
    {
        if (Environment.GetEnvironmentVariable("GITREG_TEST_PAUSE") is { } wanted && wanted == point)
        {
            Console.Error.WriteLine($"paused at {point}");
            Console.Error.Flush();
            Thread.Sleep(TimeSpan.FromMinutes(5));
        }
    }
}

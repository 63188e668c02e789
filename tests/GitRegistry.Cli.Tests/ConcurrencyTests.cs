using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public void Processes_registering_at_once_get_consecutive_unique_versions_and_lose_no_commit()
    {
        using var user = new CliHarness();
        var registry = user.InitRegistry("server.git", bare: true);
        const int processes = 4, each = 3;

        var running = new List<Process>();
        for (var p = 0; p < processes; p++)
        {
            var model = user.ModelFile($"model{p}.onnx", seed: p);
            var script = string.Join(" && ", Enumerable.Range(0, each).Select(_ =>
                $"dotnet '{Path.Combine(AppContext.BaseDirectory, "gitreg.dll")}' --registry '{registry}' register churn --artifact '{model}' --tag writer={p}"));
            running.Add(Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["HOME"] = user.Home, ["GIT_CONFIG_NOSYSTEM"] = "1", ["GIT_CONFIG_GLOBAL"] = user.GlobalConfig },
            })!);
        }
        foreach (var process in running)
        {
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
        }

        var versions = (JArray)user.GitReg("--registry", registry, "--json", "versions", "churn").ShouldSucceed().Json;
        Assert.Equal(Enumerable.Range(1, processes * each).Reverse(), versions.Select(v => (int)v["version"]!));
        var registrations = user.GitIn(registry, "log", "--format=%(trailers:key=Registry-Version,valueonly)").StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(processes * each, registrations.Length);
        Assert.Equal(processes * each, registrations.Distinct().Count());
        user.GitIn(registry, "fsck", "--strict").ShouldSucceed();
        user.GitReg("--registry", registry, "validate").ShouldSucceed();
    }
}

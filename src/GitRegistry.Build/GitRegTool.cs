using System.Diagnostics;

namespace GitRegistry.Build;

/// <summary>
/// Runs the gitreg tool shipped in the package (<c>dotnet tools/gitreg/gitreg.dll</c>) as a child process. The registry
/// is read there, not in MSBuild: libgit2 is native, and MSBuild nodes are long-lived and shared by every task.
/// </summary>
internal sealed class GitRegTool(string dotnetHost, string toolPath)
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public Result Run(IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(dotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(toolPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        // MSBuild's own variables must not leak into a plain console app.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{dotnetHost} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        using (cancellation.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }))
        {
            process.WaitForExit();
        }
        cancellation.ThrowIfCancellationRequested();
        return new Result(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}

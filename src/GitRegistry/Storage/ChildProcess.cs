using System.ComponentModel;
using System.Diagnostics;

namespace GitRegistry.Storage;

/// <summary>Runs a program (git, ssh-keygen, gpg) with arguments passed as a list, never through a shell.</summary>
internal static class ChildProcess
{
    public static ProcessResult Run(string program, IEnumerable<string> arguments, string? workingDirectory = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (Win32Exception e)
        {
            throw new RegistryException(ErrorKind.Repository, $"cannot run '{program}': {e.Message}", $"install {program} or put it on PATH");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (standardInput is not null)
            {
                process.StandardInput.Write(standardInput);
            }
            process.StandardInput.Close();
            process.WaitForExit();
            return new ProcessResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }
}

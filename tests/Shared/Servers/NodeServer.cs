using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace GitRegistry.Testing;

/// <summary>
/// A storage server from tests/GitRegistry.Tests/servers (installed by <c>npm ci</c> there), run as a child process
/// on 127.0.0.1 with a free port and a temp data folder; disposing it kills the process and removes the folder.
/// Shared by the core, CLI and build tests (linked from tests/Shared/Servers), so it needs nothing but the test
/// assembly's <c>RepositoryRoot</c> metadata.
/// </summary>
internal sealed class NodeServer : IDisposable
{
    public static string Folder { get; } = Path.Combine(
        typeof(NodeServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "tests", "GitRegistry.Tests", "servers");

    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    /// <summary>Starts <c>node_modules/.bin/<paramref name="tool"/></c> with the arguments that <paramref name="arguments"/> makes from (port, data folder).</summary>
    public NodeServer(string tool, Func<int, string, IEnumerable<string>> arguments)
    {
        var executable = Path.Combine(Folder, "node_modules", ".bin", tool);
        if (!File.Exists(executable))
        {
            throw new Xunit.Sdk.XunitException($"{tool} is not installed for the store tests: run 'npm ci' in {Folder}");
        }
        Port = FreePort();
        DataFolder = Directory.CreateTempSubdirectory("gitreg-" + tool + "-").FullName;
        var start = new ProcessStartInfo(executable) { WorkingDirectory = DataFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments(Port, DataFolder))
        {
            start.ArgumentList.Add(argument);
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitForPort(tool);
    }

    public int Port { get; }

    public string DataFolder { get; }

    private void WaitForPort(string tool)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"{tool} exited with {_process.ExitCode} before listening:\n{_log}");
            }
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new Xunit.Sdk.XunitException($"{tool} did not listen on 127.0.0.1:{Port} within 60 s:\n{_log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file the server wrote last may still be held for a moment; the OS cleans temp folders eventually.
        }
    }
}

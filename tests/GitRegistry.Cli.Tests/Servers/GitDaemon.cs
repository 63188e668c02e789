using System.Diagnostics;
using System.Net.Sockets;

namespace GitRegistry.Cli.Tests.Servers;

/// <summary>A real <c>git daemon</c> on 127.0.0.1 serving (and accepting pushes to) the repositories under a folder.</summary>
public sealed class GitDaemon : IDisposable
{
    private readonly Process _process;

    public GitDaemon(string root)
    {
        Port = FreePort.Next();
        var start = new ProcessStartInfo("git", ["daemon", "--reuseaddr", $"--base-path={root}", "--export-all", "--enable=receive-pack",
            "--listen=127.0.0.1", $"--port={Port}", root])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        _process = Process.Start(start)!;
        WaitUntilListening(Port);
    }

    public int Port { get; }

    public string Url(string repository) => $"git://127.0.0.1:{Port}/{repository}";

    internal static void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GitRegistry.EndToEnd.Tests;

/// <summary>
/// samples/churn/Serving copied next to the registry, built with the real <c>dotnet build</c> against the packed
/// GitRegistry packages (its own NuGet.config and NuGet packages folder), and run on a loopback port.
/// </summary>
public sealed class ServingApp : IDisposable
{
    private readonly CliHarness _user;
    private Process? _process;
    private readonly StringBuilder _log = new();

    public ServingApp(CliHarness user, string feed)
    {
        _user = user;
        Directory = user.PathOf("Serving");   // next to user.PathOf("registry"): the csproj's default ../registry
        var source = Path.Combine(SourcePackages.RepositoryRoot, "samples", "churn", "Serving");
        System.IO.Directory.CreateDirectory(Directory);
        // The sources only: a NuGet.config, lock or build output left by a build in place belongs to another registry.
        foreach (var file in System.IO.Directory.GetFiles(source).Where(f => Path.GetExtension(f) is ".cs" or ".csproj" or ".props"))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
        }
        File.WriteAllText(Path.Combine(Directory, "NuGet.config"), SourcePackages.NuGetConfig(feed));
        // A packed 0.1.0 must never be mixed up with another 0.1.0 in the machine's packages folder.
        user.Environment["NUGET_PACKAGES"] = user.PathOf("packages");
        user.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        user.Environment["DOTNET_NOLOGO"] = "1";
        user.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
    }

    public string Directory { get; }

    public string LockFile => Path.Combine(Directory, "models.lock.json");

    public Uri? BaseAddress { get; private set; }

    public CliHarness.Result Build(params string[] args) => _user.Run("dotnet", ["build", "-nodeReuse:false", .. args], Directory).ShouldSucceed();

    /// <summary>Starts the built app on a free loopback port and waits until /healthz answers.</summary>
    public async Task StartAsync()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var arg in new[] { Path.Combine(Directory, "bin", "Debug", "net10.0", "Serving.dll"), "--urls", BaseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["HOME"] = _user.Home;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"Serving exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{Log}");
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        Assert.Fail($"Serving did not become healthy within 60 s:\n{Log}");
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

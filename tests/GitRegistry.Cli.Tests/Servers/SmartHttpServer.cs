using System.Diagnostics;
using System.Net;
using System.Text;

namespace GitRegistry.Cli.Tests.Servers;

/// <summary>
/// git's smart HTTP protocol on 127.0.0.1: a small HttpListener that hands each request to the real
/// <c>git http-backend</c> CGI program, as a web server in front of a hosted git repository would.
/// </summary>
public sealed class SmartHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly Task _loop;
    private int _requests;

    public SmartHttpServer(string root)
    {
        _root = root;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public int Port { get; }

    public int Requests => _requests;

    public string Url(string repository) => $"http://127.0.0.1:{Port}/{repository}";

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            _ = Task.Run(() => Handle(context));
        }
    }

    private async Task Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var start = new ProcessStartInfo("git", ["http-backend"])
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["GIT_PROJECT_ROOT"] = _root;
            start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
            start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            start.Environment["REMOTE_USER"] = "test";
            start.Environment["REMOTE_ADDR"] = "127.0.0.1";
            start.Environment["REQUEST_METHOD"] = request.HttpMethod;
            start.Environment["PATH_INFO"] = Uri.UnescapeDataString(request.Url!.AbsolutePath);
            start.Environment["QUERY_STRING"] = request.Url.Query.TrimStart('?');
            start.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
            if (request.Headers["Content-Encoding"] is { } encoding)
            {
                start.Environment["HTTP_CONTENT_ENCODING"] = encoding;
            }
            if (request.Headers["Git-Protocol"] is { } protocol)
            {
                start.Environment["GIT_PROTOCOL"] = protocol;
            }
            using var backend = Process.Start(start)!;
            var errors = backend.StandardError.ReadToEndAsync();
            var copyIn = Task.Run(async () =>
            {
                await request.InputStream.CopyToAsync(backend.StandardInput.BaseStream);
                backend.StandardInput.Close();
            });

            var output = backend.StandardOutput.BaseStream;
            var headers = await ReadCgiHeaders(output);
            response.StatusCode = 200;
            foreach (var (name, value) in headers)
            {
                if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
                {
                    response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
                else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    response.ContentType = value;
                }
                else
                {
                    response.Headers[name] = value;
                }
            }
            response.SendChunked = true;
            await output.CopyToAsync(response.OutputStream);
            await copyIn;
            await backend.WaitForExitAsync();
            await errors;
        }
        catch (Exception) when (!_listener.IsListening)
        {
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    private static async Task<List<(string, string)>> ReadCgiHeaders(Stream output)
    {
        var headers = new List<(string, string)>();
        var line = new StringBuilder();
        var one = new byte[1];
        while (await output.ReadAsync(one) == 1)
        {
            if (one[0] == '\n')
            {
                var text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    break;
                }
                var colon = text.IndexOf(':');
                headers.Add((text[..colon].Trim(), text[(colon + 1)..].Trim()));
                continue;
            }
            line.Append((char)one[0]);
        }
        return headers;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}

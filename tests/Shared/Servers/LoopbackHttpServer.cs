using System.Net;
using System.Net.Sockets;

namespace GitRegistry.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) serving files from disk, streamed, with an optional bearer token,
/// and a switch that stops it in the middle of a response (the connection drops) and starts it again.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly int _port;
    private HttpListener _listener;
    private int _dropsLeft;

    public LoopbackHttpServer()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _listener = Start();
    }

    public string BaseUrl => $"http://127.0.0.1:{_port}/";

    /// <summary>When set, requests without <c>Authorization: Bearer TOKEN</c> get 401.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>How many requests were answered (including dropped ones).</summary>
    public int Requests;

    /// <summary>Serves <paramref name="file"/> at <paramref name="path"/>; returns its URL.</summary>
    public string Serve(string path, string file)
    {
        lock (_files)
        {
            _files[path] = file;
        }
        return BaseUrl + path;
    }

    /// <summary>The next <paramref name="count"/> responses send half the body, then the server stops and starts again.</summary>
    public void DropMidResponse(int count) => Volatile.Write(ref _dropsLeft, count);

    // On a busy machine the port can take a moment to be free again after a stop; keep trying for a few seconds.
    private HttpListener Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var listener = new HttpListener();
            listener.Prefixes.Add(BaseUrl);
            try
            {
                listener.Start();
                _ = Task.Run(() => Loop(listener));
                return listener;
            }
            catch (HttpListenerException) when (attempt < 100)
            {
                listener.Close();
                Thread.Sleep(50);
            }
        }
    }

    private async Task Loop(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        Interlocked.Increment(ref Requests);
        var response = context.Response;
        try
        {
            if (RequiredToken is { } token && context.Request.Headers["Authorization"] != "Bearer " + token)
            {
                response.StatusCode = 401;
                response.Close();
                return;
            }
            string? file;
            lock (_files)
            {
                _files.TryGetValue(context.Request.Url!.AbsolutePath.TrimStart('/'), out file);
            }
            if (file is null || !File.Exists(file))
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }
            await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            response.ContentLength64 = source.Length;
            var drop = Interlocked.Decrement(ref _dropsLeft) >= 0;
            var limit = drop ? source.Length / 2 : source.Length;
            var buffer = new byte[1 << 16];
            long sent = 0;
            int read;
            while (sent < limit && (read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - sent)))) > 0)
            {
                await response.OutputStream.WriteAsync(buffer.AsMemory(0, read));
                sent += read;
            }
            if (drop)
            {
                await response.OutputStream.FlushAsync();
                Restart();
                return;
            }
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away, or the server was stopped on purpose.
        }
    }

    // Stopping the listener drops every open connection, as a crashing server would; a new one takes the port.
    private void Restart()
    {
        lock (_files)
        {
            _listener.Abort();
            _listener = Start();
        }
    }

    public void Dispose() => _listener.Abort();
}

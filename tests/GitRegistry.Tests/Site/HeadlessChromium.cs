using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GitRegistry.Tests.Site;

/// <summary>
/// Headless Chromium driven over the DevTools protocol: one page, attached in flat session mode on the browser's
/// WebSocket, with every console error and uncaught exception collected. No Playwright, no browser download.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _session;
    private int _nextId;

    private HeadlessChromium(Process process, string profile) => (_process, _profile) = (process, profile);

    /// <summary>Console errors, uncaught exceptions and error log entries, in the order they came.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Chromium's executable: <c>$CHROMIUM</c>, else the first of Debian's and the usual names on PATH.</summary>
    public static string? Find() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    public static async Task<HeadlessChromium> Launch(string executable)
    {
        var profile = TestEnvironment.NewTempFolder("chromium-");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--allow-file-access-from-files",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new StringBuilder();
        // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr once it listens.
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                endpoint.TrySetException(new InvalidOperationException($"chromium exited before listening:\n{stderr}"));
                return;
            }
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
            if (DevToolsUrl().Match(e.Data) is { Success: true } match)
            {
                endpoint.TrySetResult(match.Groups[1].Value);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            var url = await endpoint.Task.WaitAsync(Timeout);
            await browser._socket.ConnectAsync(new Uri(url), CancellationToken.None).WaitAsync(Timeout);
            browser._receiving = Task.Run(browser.Receive);
            var target = await browser.Send("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
            var attached = await browser.Send("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browserLevel: true);
            browser._session = attached["sessionId"]!.GetValue<string>();
            await browser.Send("Page.enable");
            await browser.Send("Runtime.enable");
            await browser.Send("Log.enable");
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends a command to the page (or the browser) and returns its result; a protocol error throws.</summary>
    public async Task<JsonNode> Send(string method, JsonObject? parameters = null, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (!browserLevel && _session is not null)
        {
            message["sessionId"] = _session;
        }
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        try
        {
            return await reply.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"chromium did not answer {method} within {Timeout.TotalSeconds} s");
        }
    }

    /// <summary>Opens <paramref name="url"/> and waits for its load event.</summary>
    public async Task Navigate(string url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var result = await Send("Page.navigate", new JsonObject { ["url"] = url });
        if (result["errorText"] is { } error)
        {
            throw new InvalidOperationException($"could not open {url}: {error}");
        }
        await _loaded.Task.WaitAsync(Timeout);
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value (JSON-serializable values only).</summary>
    public async Task<JsonNode?> Evaluate(string expression)
    {
        var result = await Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"{expression} threw: {exception.ToJsonString()}");
        }
        return result["result"]?["value"];
    }

    public async Task<T> Evaluate<T>(string expression) =>
        (await Evaluate(expression) ?? throw new InvalidOperationException($"{expression} returned nothing")).GetValue<T>();

    /// <summary>Sets the viewport (a phone is 390 wide) and the colour scheme the page sees.</summary>
    public async Task Emulate(int width, int height, bool mobile, string colorScheme)
    {
        await Send("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile });
        await Send("Emulation.setEmulatedMedia", new JsonObject { ["features"] = new JsonArray(new JsonObject { ["name"] = "prefers-color-scheme", ["value"] = colorScheme }) });
    }

    /// <summary>Saves a PNG of the page (the whole page when <paramref name="fullPage"/>) to <paramref name="path"/>.</summary>
    public async Task Screenshot(string path, bool fullPage = false)
    {
        var parameters = new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = fullPage };
        var result = await Send("Page.captureScreenshot", parameters);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(result["data"]!.GetValue<string>()));
    }

    private async Task Receive()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }
                var node = JsonNode.Parse(message.ToArray())!;
                message.SetLength(0);
                Dispatch(node);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closing: whatever is still pending fails below.
        }
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException("the DevTools connection closed"));
        }
    }

    private void Dispatch(JsonNode node)
    {
        if (node["id"] is { } id)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var reply))
            {
                if (node["error"] is { } error)
                {
                    reply.TrySetException(new InvalidOperationException($"DevTools error: {error.ToJsonString()}"));
                }
                else
                {
                    reply.TrySetResult(node["result"] ?? new JsonObject());
                }
            }
            return;
        }
        var parameters = node["params"] ?? new JsonObject();
        var method = node["method"]?.GetValue<string>();
        if (method == "Page.loadEventFired")
        {
            _loaded.TrySetResult();
        }
        else if (method == "Runtime.consoleAPICalled" && (string?)parameters["type"] is "error" or "assert")
        {
            Errors.Enqueue("console: " + parameters["args"]?.ToJsonString());
        }
        else if (method == "Runtime.exceptionThrown")
        {
            Errors.Enqueue("exception: " + parameters["exceptionDetails"]?.ToJsonString());
        }
        else if (method == "Log.entryAdded" && (string?)parameters["entry"]?["level"] == "error")
        {
            Errors.Enqueue("log: " + parameters["entry"]?.ToJsonString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                _ = Send("Browser.close", browserLevel: true);
            }
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            await _stop.CancelAsync();
            await _receiving.ContinueWith(_ => { }, TaskScheduler.Default);
            _socket.Dispose();
            _process.Dispose();
            _stop.Dispose();
            TestEnvironment.TryDelete(_profile);
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsUrl();
}

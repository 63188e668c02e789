// The GitRegistry demo, the churn sample end to end: a registry in a temp folder, two people with throwaway signing
// keys (an ML engineer and a reviewer), two versions of an ML.NET churn model trained and registered by
// samples/churn/Train (every hyperparameter, metrics on every split, data sha256 and cutoff, code commit, pinned
// serving dependencies, signature), the better one staged, approved by the reviewer and promoted with
// archive-existing; then samples/churn/Serving is built against the packed GitRegistry packages, pins Production,
// and serves it on a loopback port. Every registry step is a real gitreg command, printed before it runs.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using GitRegistry.Cli;
using GitRegistry.Demo;

var work = Directory.CreateTempSubdirectory("gitreg-demo-").FullName;
var repository = RepositoryRoot();
Console.WriteLine($"Working in {work}");

// Throwaway identities and ssh signing keys, in git configs of the demo's own: your git config is not touched.
var engineer = Person("Dana Engineer", "dana@example.com", "dana");
var reviewer = Person("Rey Reviewer", "rey@example.com", "rey");
Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
As(engineer);

var registry = Path.Combine(work, "registry");
GitRegOrFail("init", registry, "--name", "demo-registry");
Environment.SetEnvironmentVariable("GITREG_REGISTRY", registry);
GitRegOrFail("signers", "add", reviewer.Email, reviewer.Key + ".pub", "--group", "approvers");

// Two training runs of samples/churn/Train (a separate program, signing as Dana): the second has more trees and scores better.
Run("dotnet", Path.Combine(AppContext.BaseDirectory, "Train.dll"), "--out", Path.Combine(work, "run1"), "--trees", "10", "--leaves", "4");
Run("dotnet", Path.Combine(AppContext.BaseDirectory, "Train.dll"), "--out", Path.Combine(work, "run2"), "--trees", "100", "--leaves", "8");

// Production needs a reviewer's approval (the registry template's policy): Rey approves, Dana promotes.
As(reviewer);
GitRegOrFail("approve", "churn_predictor", "1", "--stage", "Production", "--comment", "baseline; test AUC above the 0.8 bar");
As(engineer);
GitRegOrFail("transition", "churn_predictor", "1", "Production", "--comment", "baseline model in production");
GitRegOrFail("transition", "churn_predictor", "2", "Staging", "--comment", "evaluate the 100-tree model");
GitRegOrFail("show", "models:/churn_predictor/Staging");
As(reviewer);
GitRegOrFail("approve", "churn_predictor", "2", "--stage", "Production", "--comment", "better test AUC, log-loss and precision@100 than version 1");
As(engineer);
GitRegOrFail("transition", "churn_predictor", "2", "Production", "--archive-existing", "--comment", "better test AUC than version 1");
GitRegOrFail("alias", "set", "churn_predictor", "champion", "2");
GitRegOrFail("versions", "churn_predictor");
GitRegOrFail("resolve", "models:/churn_predictor/Production");
GitRegOrFail("validate");
GitRegOrFail("verify");

Console.WriteLine("\n$ git log --format='%h %G? %ae %s'   (git itself checks the signatures against the registry's allowed_signers; G = good)");
Run("git", "-C", registry, "-c", $"gpg.ssh.allowedSignersFile={Path.Combine(registry, "allowed_signers")}", "log", "--format=%h %G? %ae %s");

// Serving: the GitRegistry packages packed into a folder feed (they are not published), samples/churn/Serving copied
// next to the registry (its GitRegistryUrl is ../registry) and built: the build pins Production in models.lock.json.
var feed = Path.Combine(work, "feed");
foreach (var package in new[] { "GitRegistry.Runtime", "GitRegistry.Runtime.AspNetCore", "GitRegistry.Build" })
{
    Run("dotnet", "pack", Path.Combine(repository, "src", package, package + ".csproj"), "-o", feed, "-v:q", "-nologo");
}
var serving = Path.Combine(work, "Serving");
Directory.CreateDirectory(serving);
foreach (var file in Directory.GetFiles(Path.Combine(repository, "samples", "churn", "Serving")).Where(f => Path.GetExtension(f) is ".cs" or ".csproj" or ".props"))
{
    File.Copy(file, Path.Combine(serving, Path.GetFileName(file)));
}
File.WriteAllText(Path.Combine(serving, "NuGet.config"), $"""
    <?xml version="1.0" encoding="utf-8"?>
    <configuration>
      <packageSources>
        <clear />
        <add key="local" value="{feed}" />
        <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
      </packageSources>
      <packageSourceMapping>
        <packageSource key="local"><package pattern="GitRegistry.*" /></packageSource>
        <packageSource key="nuget.org"><package pattern="*" /></packageSource>
      </packageSourceMapping>
    </configuration>
    """);
// Its own packages folder: a packed 0.1.0 must not be confused with another 0.1.0 in yours.
Environment.SetEnvironmentVariable("NUGET_PACKAGES", Path.Combine(work, "packages"));
// The first build writes models.lock.json. On a CI machine (CI=true) builds default to locked mode, which only checks
// an existing lock, so say explicitly that this build may create it.
Run("dotnet", "build", serving, "-p:GitRegistryLockedMode=false", "-v:m", "-nologo");

var url = $"http://127.0.0.1:{FreePort()}";
Console.WriteLine($"\n$ dotnet {Path.Combine(serving, "bin", "Debug", "net10.0", "Serving.dll")} --urls {url}");
using var server = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(serving, "bin", "Debug", "net10.0", "Serving.dll"), "--urls", url])
{
    WorkingDirectory = serving,
    RedirectStandardOutput = true,   // the server's request log would bury the demo's output
    UseShellExecute = false,
})!;
server.OutputDataReceived += (_, _) => { };
server.BeginOutputReadLine();
using var http = new HttpClient { BaseAddress = new Uri(url) };
await WaitHealthy(http, server);

const string body = """{"tenure_months": 3, "monthly_charges": 95.5, "total_charges": 280, "support_calls": 4, "senior_citizen": false, "contract": "month-to-month", "payment_method": "electronic-check", "internet_service": "fiber"}""";
var response = await http.PostAsync("/predict", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
Console.WriteLine($"\nPOST {url}/predict -> {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
var model = await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/model");
Console.WriteLine($"GET {url}/model -> {model!["name"]} version {model["version"]}, sha256 {model["sha256"]}, request {model["request"]}");

// The audit trail of the promotion: who registered, approved and promoted version 2 and archived version 1, when
// and why; each event's signature and policy verified.
GitRegOrFail("log", "churn_predictor");

Console.WriteLine($"""

    The registry is at {registry}; the serving app at {serving}.
    Try: export GITREG_REGISTRY={registry}; gitreg show churn_predictor
         curl -s {url}/predict -H 'content-type: application/json' -d '{body}'
         curl -s {url}/model; curl -s {url}/healthz; curl -s {url}/openapi/v1.json
    """);
if (Console.IsInputRedirected)
{
    server.Kill(entireProcessTree: true);
    return 0;
}
Console.WriteLine("The server runs until Ctrl+C.");
var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
await Task.WhenAny(stopped.Task, server.WaitForExitAsync());
if (!server.HasExited)
{
    server.Kill(entireProcessTree: true);
}
return 0;

Identity Person(string name, string email, string id)
{
    var key = Path.Combine(work, $"{id}_ed25519");
    Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", email, "-f", key);
    var config = Path.Combine(work, $"{id}.gitconfig");
    File.WriteAllText(config, $"[user]\n\tname = {name}\n\temail = {email}\n\tsigningkey = {key}\n[gpg]\n\tformat = ssh\n");
    return new Identity(name, email, key, config);
}

void As(Identity who)
{
    Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", who.Config);
    Console.WriteLine($"\n# as {who.Name} <{who.Email}>");
}

void GitRegOrFail(params string[] args)
{
    Console.WriteLine($"\n$ gitreg {string.Join(" ", args.Select(a => a.Contains(' ') ? $"\"{a}\"" : a))}");
    var code = GitReg.Run(args);
    if (code != 0)
    {
        Console.Error.WriteLine($"demo: gitreg exited with {code}");
        Environment.Exit(code);
    }
}

static void Run(string program, params string[] args)
{
    if (program == "dotnet")
    {
        Console.WriteLine($"\n$ dotnet {string.Join(" ", args)}");
    }
    var start = new ProcessStartInfo(program) { UseShellExecute = false };
    foreach (var a in args)
    {
        start.ArgumentList.Add(a);
    }
    using var process = Process.Start(start)!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        Console.Error.WriteLine($"demo: {program} exited with {process.ExitCode}");
        Environment.Exit(process.ExitCode);
    }
}

static async Task WaitHealthy(HttpClient http, Process server)
{
    for (var attempt = 0; attempt < 300; attempt++)
    {
        if (server.HasExited)
        {
            Console.Error.WriteLine($"demo: the serving app exited with {server.ExitCode}");
            Environment.Exit(1);
        }
        try
        {
            if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
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
    Console.Error.WriteLine("demo: the serving app did not become healthy within 60 s");
    Environment.Exit(1);
}

static int FreePort()
{
    using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "GitRegistry.sln")))
        {
            return directory.FullName;
        }
    }
    throw new InvalidOperationException("GitRegistry.sln not found above the demo: run it from the repository (dotnet run --project samples/Demo)");
}

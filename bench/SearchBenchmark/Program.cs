// Builds a registry of MODELS x VERSIONS model versions in a temporary folder and times searches over it.
//
//   dotnet run -c Release --project bench/SearchBenchmark -- [--models 1000] [--versions 100] [--gitreg path/to/gitreg.dll] [--keep]
//
// The registry is made by `gitreg init` (through the library, signed with a throwaway ssh key) and then one commit
// written with `git fast-import` holding every model.yaml and manifest: seconds instead of 100,000 signed commits.
// That commit is unsigned, which search does not care about (verify would). Timings: the first search (which
// builds the search index in the git directory), then repeated searches (which read it), in-process; and, with
// --gitreg, the wall-clock time of the `gitreg search` command, process start included.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GitRegistry;
using GitRegistry.Search;

var models = Option("--models", 1000);
var versions = Option("--versions", 100);
var gitreg = Value("--gitreg");
var keep = args.Contains("--keep");

var root = Directory.CreateTempSubdirectory("gitreg-bench-").FullName;
try
{
    SigningSetup(root);
    var path = Path.Combine(root, "registry");
    var build = Stopwatch.StartNew();
    Registry.Init(path, "bench", bare: true, approvals: 0).Dispose();
    FastImport(path, models, versions);
    Console.WriteLine($"built {models} models x {versions} versions = {models * versions:N0} versions in {build.Elapsed.TotalSeconds:F1} s ({path})");

    using var registry = Registry.Open(path);
    const string filter = "metrics.test.auc_roc >= 0.95";
    var coldCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var cold = registry.Search(new SearchOptions { Filter = filter, MaxResults = 100 });
    coldCpu = Process.GetCurrentProcess().TotalProcessorTime - coldCpu;
    Console.WriteLine($"first search (builds the index): {cold.Elapsed.TotalSeconds:F1} s wall, {coldCpu.TotalSeconds:F1} s CPU, {cold.Indexed:N0} manifests indexed, {cold.Matches:N0} of {cold.Searched:N0} match");

    foreach (var (label, text, order) in new (string, string, string[])[]
    {
        ("metric filter", filter, []),
        ("metric filter, ordered by the metric", filter, ["metrics.test.auc_roc DESC"]),
        ("name LIKE + param + stage", "name LIKE 'model-00%' AND params.max_depth > 6 AND stage = 'Production'", []),
        ("tag and created_at", "tags.team = 'growth' AND created_at > '2024-06-01'", []),
    })
    {
        var times = new List<double>();
        var cpu = new List<double>();
        SearchResult? result = null;
        for (var i = 0; i < 7; i++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            result = registry.Search(new SearchOptions { Filter = text, OrderBy = order, MaxResults = 100 });
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
            times.Add(result.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        cpu.Sort();
        Console.WriteLine($"{label}: median {times[3]:F0} ms wall (min {times[0]:F0}, max {times[^1]:F0}), median {cpu[3]:F0} ms CPU, over 7 runs; {result!.Matches:N0} of {result.Searched:N0} match");
    }

    if (gitreg is not null)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            var process = Process.Start(new ProcessStartInfo("dotnet", [gitreg, "--registry", path, "search", filter, "--max-results", "20"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"gitreg search failed: {process.StandardError.ReadToEnd()}");
                return 1;
            }
        }
        times.Sort();
        Console.WriteLine($"gitreg search \"{filter}\" (command line, process start included): median {times[2]:F0} ms (min {times[0]:F0}, max {times[^1]:F0}) over 5 runs");
    }
    var index = new FileInfo(Path.Combine(registry.GitDirectory, "gitreg", "search-index"));
    Console.WriteLine($"search index: {index.Length / 1024.0 / 1024.0:F1} MiB");
    return 0;
}
finally
{
    if (!keep)
    {
        Directory.Delete(root, recursive: true);
    }
}

int Option(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? Value(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

// A throwaway identity and ssh signing key for this process and the git it runs.
static void SigningSetup(string root)
{
    var home = Path.Combine(root, "home");
    Directory.CreateDirectory(home);
    var key = Path.Combine(home, "id_ed25519");
    Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "bench@example.com", "-f", key], null);
    var config = Path.Combine(home, ".gitconfig");
    File.WriteAllText(config, $"[user]\n\tname = Bench\n\temail = bench@example.com\n\tsigningkey = {key}\n[gpg]\n\tformat = ssh\n");
    Environment.SetEnvironmentVariable("HOME", home);
    Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
    Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", config);
}

// One commit on main holding every model.yaml and manifest, streamed to git fast-import.
static void FastImport(string path, int models, int versions)
{
    var start = new ProcessStartInfo("git", ["--git-dir", path, "fast-import", "--quiet"]) { RedirectStandardInput = true, UseShellExecute = false };
    using var process = Process.Start(start)!;
    var input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = false };
    var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    var message = "Benchmark models";
    input.Write($"commit refs/heads/main\ncommitter Bench <bench@example.com> {now} +0000\ndata {Encoding.UTF8.GetByteCount(message)}\n{message}\nfrom refs/heads/main^0\n");
    var random = new Random(42);
    var stages = new[] { "None", "Staging", "Archived" };
    var teams = new[] { "growth", "risk", "ops", "search" };
    for (var m = 0; m < models; m++)
    {
        var name = $"model-{m:D4}";
        var state = new StringBuilder($"name: {name}\ntags:\n  team: {teams[m % teams.Length]}\naliases:\n  champion: {versions}\nversions:\n");
        for (var v = 1; v <= versions; v++)
        {
            var stage = v == versions ? "Production" : stages[random.Next(stages.Length)];
            state.Append(CultureInfo.InvariantCulture, $"  \"{v}\":\n    stage: {stage}\n    tags:\n      team: {teams[(m + v) % teams.Length]}\n");
            var auc = Math.Round(0.80 + random.NextDouble() * 0.19, 4);
            var created = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 60 * 24 * 365));
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{name}/{v}")));
            var manifest = string.Create(CultureInfo.InvariantCulture, $"""
                name: {name}
                version: {v}
                created_at: "{created:yyyy-MM-dd'T'HH:mm:ss'Z'}"
                created_by:
                  name: Bench
                  email: bench@example.com
                description: benchmark version {v}
                params:
                  learning_rate: {Math.Round(random.NextDouble() / 10, 4)}
                  max_depth: {random.Next(2, 12)}
                  num_trees: {random.Next(50, 500)}
                  objective: binary
                metrics:
                  test:
                    auc_roc: {auc}
                    log_loss: {Math.Round(1 - auc, 4)}
                  train:
                    auc_roc: {Math.Round(Math.Min(0.999, auc + 0.02), 4)}
                  validation:
                    auc_roc: {Math.Round(auc - 0.005, 4)}
                data:
                  sha256: {sha}
                  cutoff: "{created:yyyy-MM-dd}"
                code_commit: {sha[..40]}
                artifact:
                  uri: "cas://sha256/{sha}"
                  sha256: {sha}
                  size: 1048576
                  format: onnx
                  file_name: model.onnx
                tags:
                  team: {teams[(m + v) % teams.Length]}
                run:
                  id: {sha[..32]}

                """);
            input.Write($"M 100644 inline models/{name}/versions/{v}.yaml\ndata {Encoding.UTF8.GetByteCount(manifest)}\n{manifest}\n");
        }
        var text = state.ToString();
        input.Write($"M 100644 inline models/{name}/model.yaml\ndata {Encoding.UTF8.GetByteCount(text)}\n{text}\n");
    }
    input.Write("\n");
    input.Flush();
    process.StandardInput.Close();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"git fast-import exited with {process.ExitCode}");
    }
}

static void Run(string program, string[] arguments, string? directory)
{
    using var process = Process.Start(new ProcessStartInfo(program, arguments) { WorkingDirectory = directory ?? "", RedirectStandardError = true })!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {process.StandardError.ReadToEnd()}");
    }
}

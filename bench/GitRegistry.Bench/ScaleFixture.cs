using System.Diagnostics;
using System.Globalization;
using System.Text;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Storage;
using LibGit2Sharp;

namespace GitRegistry.Bench;

/// <summary>
/// Builds a realistic registry quickly: M models x N versions with full manifests (20 params, 3 splits x 6
/// metrics, lineage, artifact, signature, tags), promotions with archive-existing and alias moves, written with
/// <c>git fast-import</c> (one process, packed objects) instead of 100,000 CLI calls; then a tail of commits
/// signed in-process with an ed25519 key that the registry lists, for the signature benchmarks.
/// </summary>
internal static class ScaleFixture
{
    public sealed record Result(string Registry, string Key, string GitConfig, string SignedFrom, int Commits, int Versions, TimeSpan Elapsed);

    public static readonly Dictionary<string, (int Models, int Versions)> Sizes = new()
    {
        ["small"] = (10, 10),
        ["medium"] = (100, 100),
        ["large"] = (1000, 100),
    };

    public static Result Build(string folder, int models, int versions, int signedCommits)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var key = Path.Combine(folder, "bench_ed25519");
        if (!File.Exists(key))
        {
            Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", Email, "-f", key);
        }
        var gitConfig = Path.Combine(folder, "gitconfig");
        File.WriteAllText(gitConfig, $"[user]\n\tname = {Name}\n\temail = {Email}\n\tsigningkey = {key}\n[gpg]\n\tformat = ssh\n");
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", gitConfig);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        var registry = Path.Combine(folder, "registry.git");
        if (Directory.Exists(registry))
        {
            Directory.Delete(registry, recursive: true);
        }
        using (Registry.Init(registry, "scale-fixture", bare: true, approvals: 0))
        {
        }

        var states = Enumerable.Range(0, models).Select(m => new ModelState { Name = ModelNameOf(m) }).ToArray();
        var time = DateTimeOffset.UtcNow.AddDays(-400).ToUnixTimeSeconds();
        var commits = 0;
        var import = new ProcessStartInfo("git", ["--git-dir", registry, "fast-import", "--quiet", "--done"])
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        using (var process = Process.Start(import)!)
        {
            var input = new BufferedStream(process.StandardInput.BaseStream, 1 << 20);
            var first = true;
            void Commit(string message, params (string Path, string Content)[] files)
            {
                Write(input, "commit refs/heads/main\n");
                Write(input, $"committer {Name} <{Email}> {time++} +0000\n");
                Data(input, message);
                if (first)
                {
                    Write(input, "from refs/heads/main^0\n");
                    first = false;
                }
                foreach (var (path, content) in files)
                {
                    Write(input, $"M 100644 inline {path}\n");
                    Data(input, content);
                }
                Write(input, "\n");
                commits++;
            }

            var random = new Random(42);
            for (var v = 1; v <= versions; v++)
            {
                for (var m = 0; m < models; m++)
                {
                    var state = states[m];
                    var manifest = Manifest(state.Name, v, time, random);
                    state.Versions[v] = new VersionState { Tags = new(manifest.Tags, StringComparer.Ordinal) };
                    Commit($"Register {state.Name} version {v}\n\nRegistry-Action: register\nRegistry-Model: {state.Name}\nRegistry-Version: {v}\n",
                        (RegistryPaths.VersionFile(state.Name, v), Yaml(manifest)), (RegistryPaths.ModelFile(state.Name), Yaml(state)));
                    if (v % 10 == 0)
                    {
                        var archived = state.Versions.Where(s => s.Value.Stage == "Production").Select(s => s.Key).ToList();
                        archived.ForEach(a => state.Versions[a].Stage = "Archived");
                        var from = state.Versions[v].Stage;
                        state.Versions[v].Stage = "Production";
                        Commit($"Move {state.Name} version {v} from {from} to Production\n\nRegistry-Action: transition\nRegistry-Model: {state.Name}\nRegistry-Version: {v}\nRegistry-Stage: Production\n",
                            (RegistryPaths.ModelFile(state.Name), Yaml(state)));
                    }
                    if (v % 25 == 0)
                    {
                        state.Aliases["champion"] = v;
                        Commit($"Set alias champion of {state.Name} to version {v}\n\nRegistry-Action: alias-set\nRegistry-Model: {state.Name}\nRegistry-Version: {v}\nRegistry-Alias: champion\n",
                            (RegistryPaths.ModelFile(state.Name), Yaml(state)));
                    }
                }
            }
            Write(input, "done\n");
            input.Flush();
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"git fast-import failed with {process.ExitCode}");
            }
        }

        string signedFrom;
        using (var repository = new Repository(registry))
        {
            signedFrom = repository.Head.Tip.Sha;
            commits += SignedTail(repository, states, versions, signedCommits, OpenSshEd25519Key.Load(key), ref time);
        }
        return new Result(registry, key, gitConfig, signedFrom, commits, models * versions, clock.Elapsed);
    }

    /// <summary>Signed registrations and tag changes on top, written straight into the object database and signed in-process.</summary>
    private static int SignedTail(Repository repository, ModelState[] states, int versions, int count, OpenSshEd25519Key key, ref long time)
    {
        var tip = repository.Head.Tip;
        var random = new Random(7);
        var who = new Person { Name = Name, Email = Email };
        for (var i = 0; i < count; i++)
        {
            var state = states[i % states.Length];
            var files = new Dictionary<string, string>();
            string message;
            if (i % 2 == 0)
            {
                var version = state.Versions.Keys.Max() + 1;
                var manifest = Manifest(state.Name, version, time, random);
                state.Versions[version] = new VersionState { Tags = new(manifest.Tags, StringComparer.Ordinal) };
                files[RegistryPaths.VersionFile(state.Name, version)] = Yaml(manifest);
                message = $"Register {state.Name} version {version}\n\nRegistry-Action: register\nRegistry-Model: {state.Name}\nRegistry-Version: {version}\n";
            }
            else
            {
                state.Tags["bench-run"] = i.ToString(CultureInfo.InvariantCulture);
                message = $"Set tag bench-run of {state.Name}\n\nRegistry-Action: tag-set\nRegistry-Model: {state.Name}\nRegistry-Tag: bench-run\n";
            }
            files[RegistryPaths.ModelFile(state.Name)] = Yaml(state);
            var definition = TreeDefinition.From(tip.Tree);
            foreach (var (path, content) in files)
            {
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
                definition.Add(path, repository.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
            }
            var tree = repository.ObjectDatabase.CreateTree(definition);
            var payload = PayloadAt(tree.Id, tip.Id, who, message, time++);
            tip = repository.Lookup<Commit>(repository.ObjectDatabase.CreateCommitWithSignature(payload, key.SignGit(payload)));
        }
        repository.Refs.UpdateTarget("refs/heads/main", tip.Sha);
        return count;
    }

    private static string PayloadAt(ObjectId tree, ObjectId parent, Person who, string message, long seconds)
    {
        var ident = $"{who.Name} <{who.Email}> {seconds} +0000";
        return $"tree {tree.Sha}\nparent {parent.Sha}\nauthor {ident}\ncommitter {ident}\n\n{message}";
    }

    public static string ModelNameOf(int index) => $"model_{index:D4}";

    private static ModelVersion Manifest(string name, int version, long time, Random random)
    {
        var sha = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64()).Concat(BitConverter.GetBytes(random.NextInt64())).Concat(BitConverter.GetBytes(random.NextInt64())).Concat(BitConverter.GetBytes(random.NextInt64())).ToArray());
        var parameters = new SortedDictionary<string, object>(StringComparer.Ordinal);
        for (var p = 0; p < 20; p++)
        {
            parameters[$"param_{p:D2}"] = (p % 4) switch { 0 => (object)random.Next(1, 500), 1 => Math.Round(random.NextDouble(), 4), 2 => random.Next(2) == 0, _ => $"choice_{random.Next(5)}" };
        }
        var metrics = new SortedDictionary<string, SortedDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var split in new[] { "train", "validation", "test" })
        {
            metrics[split] = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var metric in new[] { "auc_roc", "accuracy", "precision", "recall", "f1", "log_loss" })
            {
                metrics[split][metric] = Math.Round(0.5 + random.NextDouble() / 2, 4);
            }
        }
        return new ModelVersion
        {
            Name = name,
            Version = version,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(time).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            CreatedBy = new Person { Name = Name, Email = Email },
            Description = $"nightly training run {version}",
            Params = parameters,
            Metrics = metrics,
            Data = new DataLineage { Sha256 = sha, Cutoff = "2026-10-31", Source = $"s3://data/{name}/2026-10.parquet", Rows = random.Next(10_000, 1_000_000) },
            Preprocessing = new Preprocessing { Version = "1.4.2", CodeCommit = sha[..12] },
            CodeCommit = sha[20..32],
            Artifact = new Artifact { Uri = "cas://sha256/" + sha, Sha256 = sha, Size = random.Next(1 << 20, 1 << 28), Format = "onnx", FileName = "model.onnx" },
            Signature = new ModelSignature
            {
                Inputs = [new Column { Name = "tenure", Type = "double" }, new Column { Name = "charges", Type = "double" }],
                Outputs = [new Column { Name = "score", Type = "float" }],
            },
            Tags = new(StringComparer.Ordinal) { ["team"] = "growth", ["nightly"] = "true" },
        };
    }

    private static string Yaml<T>(T document) => YamlWriter.Write(DocumentSerializer.ToToken(document));

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private static void Data(Stream stream, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        Write(stream, $"data {bytes.Length}\n");
        stream.Write(bytes);
        Write(stream, "\n");
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed");
        }
    }

    private const string Name = "Bench Writer";
    private const string Email = "bench@example.com";
}

using System.Collections.Concurrent;
using System.Reflection;
using GitRegistry.Registration;

namespace GitRegistry.Tests.Concurrency;

/// <summary>
/// Many writers at once on one bare registry, in threads and in separate OS processes: every write lands as
/// its own commit, version numbers are consecutive and unique, and nothing is lost.
/// </summary>
public sealed class ConcurrentWriteTests
{
    private static readonly string WriterAssembly = typeof(ConcurrentWriteTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WriterAssembly").Value!;

    [Fact]
    public void Threads_registering_at_once_get_consecutive_unique_versions_and_no_commit_is_lost()
    {
        using var registry = TestRegistry.Create(bare: true);
        const int threads = 4, each = 5;

        var versions = RunThreads(registry, threads, each, "churn", start: null);

        Assert.Equal(Enumerable.Range(1, threads * each), versions.Order());
        AssertHistoryHolds(registry, "churn", threads * each, extraCommits: 0);
    }

    [Fact]
    public async Task Processes_and_threads_registering_at_once_get_consecutive_unique_versions_and_no_commit_is_lost()
    {
        using var registry = TestRegistry.Create(bare: true);
        Assert.True(File.Exists(WriterAssembly), $"the writer is not built at {WriterAssembly}");
        const int processes = 3, threads = 2, each = 5;
        var work = Path.Combine(registry.Folder, "writers");
        Directory.CreateDirectory(work);

        var writers = Enumerable.Range(0, processes)
            .Select(_ => Task.Run(() => Command.Run("dotnet", [WriterAssembly, registry.Root, "churn", each.ToString(System.Globalization.CultureInfo.InvariantCulture), work], timeout: TimeSpan.FromSeconds(90))))
            .ToList();
        // Let every writer open the registry first, then start them all together with the threads.
        var go = Path.Combine(work, "go");
        var inProcess = Task.Run(() => RunThreads(registry, threads, each, "churn", start: go));
        await WaitForReady(work, processes, writers);
        await File.WriteAllTextAsync(go, "", TestContext.Current.CancellationToken);
        var results = await Task.WhenAll(writers);
        var threadVersions = await inProcess;

        Assert.All(results, r => Assert.True(r.Succeeded, r.StandardError));
        var processVersions = results.SelectMany(r => r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse).ToList();
        Assert.All(results, r => Assert.Equal(each, r.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.Equal(Enumerable.Range(1, (processes + threads) * each), processVersions.Concat(threadVersions).Order());
        AssertHistoryHolds(registry, "churn", (processes + threads) * each, extraCommits: 0);
    }

    [Fact]
    public void Concurrent_writes_to_the_same_model_yaml_keep_every_change()
    {
        using var registry = TestRegistry.Create(bare: true);
        for (var i = 0; i < 6; i++)
        {
            registry.Register("churn");
        }
        var failures = new ConcurrentQueue<Exception>();

        var workers = Enumerable.Range(1, 6).Select(version => new Thread(() =>
        {
            try
            {
                using var mine = registry.OpenAnother();
                mine.SetTag("churn", version, "owner", $"worker-{version}");
                mine.SetAlias("churn", $"pick-{version}", version);
                mine.Transition("churn", version, version % 2 == 0 ? "Staging" : "Production");
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Empty(failures);
        var model = registry.Registry.GetModel("churn");
        Assert.All(Enumerable.Range(1, 6), v =>
        {
            Assert.Equal($"worker-{v}", model.Versions[v].Tags["owner"]);
            Assert.Equal(v, model.Aliases[$"pick-{v}"]);
            Assert.Equal(v % 2 == 0 ? "Staging" : "Production", model.Versions[v].Stage);
        });
        Assert.Equal(1 + 6 + 18, Git.Lines(registry.Root, "rev-list", "main").Count);
    }

    private static List<int> RunThreads(TestRegistry registry, int threads, int each, string model, string? start)
    {
        var versions = new ConcurrentBag<int>();
        var failures = new ConcurrentQueue<Exception>();
        using var barrier = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            try
            {
                using var mine = registry.OpenAnother();
                barrier.SignalAndWait();
                while (start is not null && !File.Exists(start))
                {
                    Thread.Sleep(1);
                }
                for (var i = 0; i < each; i++)
                {
                    var artifact = registry.WriteFile($"thread-{t}-{i}.onnx", $"thread {t} artifact {i} {Guid.NewGuid()}");
                    versions.Add(mine.Register(new RegistrationRequest { Name = model, ArtifactPath = artifact }).Manifest.Version);
                }
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Assert.Empty(failures);
        return versions.ToList();
    }

    private static async Task WaitForReady(string work, int processes, List<Task<CommandResult>> writers)
    {
        // Polls for the writers' ready files; a writer that died shows its error instead of a hang.
        while (Directory.GetFiles(work, "ready-*").Length < processes)
        {
            if (writers.FirstOrDefault(w => w.IsCompleted) is { } done)
            {
                Assert.Fail($"a writer ended before it was ready: {(await done).StandardError}");
            }
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    private static void AssertHistoryHolds(TestRegistry registry, string model, int registrations, int extraCommits)
    {
        // One commit per registration on top of init, each naming its own version, in a straight line.
        var versions = Git.Lines(registry.Root, "log", "--format=%(trailers:key=Registry-Version,valueonly)");
        Assert.Equal(Enumerable.Range(1, registrations).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)), versions.Reverse());
        Assert.Equal(1 + registrations + extraCommits, Git.Lines(registry.Root, "rev-list", "main").Count);
        Assert.Empty(Git.Lines(registry.Root, "rev-list", "--merges", "main"));
        Assert.Equal(Enumerable.Range(1, registrations), registry.Registry.GetModel(model).Versions.Keys);
        Assert.Equal(registrations, Git.Lines(registry.Root, "ls-tree", "--name-only", $"main:models/{model}/versions/").Count);
        Assert.Empty(registry.Registry.Validate());
        Assert.True(registry.Git("fsck", "--strict", "--no-dangling").Succeeded);
    }
}

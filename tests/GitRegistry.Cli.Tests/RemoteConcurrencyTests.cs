using System.Diagnostics;
using GitRegistry.Cli.Tests.Servers;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

public sealed class RemoteConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task Eight_writers_over_smart_http_register_200_versions_without_losing_a_write()
    {
        const int writers = 8, registrationsEach = 25;
        using var admin = new CliHarness();
        var serverRoot = admin.PathOf("srv");
        Directory.CreateDirectory(serverRoot);
        admin.GitReg("init", Path.Combine(serverRoot, "registry.git"), "--bare").ShouldSucceed();
        using var server = new SmartHttpServer(serverRoot);
        var url = server.Url("registry.git");

        var users = Enumerable.Range(0, writers).Select(i => new CliHarness($"Writer {i}", $"writer{i}@example.com")).ToList();
        try
        {
            var sharedStore = admin.PathOf("artifacts");
            foreach (var (user, i) in users.Select((u, i) => (u, i)))
            {
                user.Environment["GITREG_ARTIFACT_STORE"] = sharedStore;
                user.GitReg("clone", url, user.PathOf("clone")).ShouldSucceed();
            }

            var clock = Stopwatch.StartNew();
            var work = users.Select((user, i) => Task.Run(() =>
            {
                var clone = user.PathOf("clone");
                var mine = new List<int>();
                var model = user.ModelFile(seed: i);
                for (var n = 0; n < registrationsEach; n++)
                {
                    var version = (int)user.GitReg("--registry", clone, "--push", "--json", "register", "churn", "--artifact", model, "--tag", $"writer={i}")
                        .ShouldSucceed().Json["version"]!;
                    mine.Add(version);
                    if (n % 5 == 4)
                    {
                        // A mix of other writes: a stage change and an alias move on the version just registered.
                        user.GitReg("--registry", clone, "--push", "transition", "churn", version.ToString(), "Staging").ShouldSucceed();
                        user.GitReg("--registry", clone, "--push", "alias", "set", "churn", $"writer{i}", version.ToString()).ShouldSucceed();
                    }
                }
                return mine;
            })).ToArray();
            await Task.WhenAll(work);
            clock.Stop();

            var registered = work.SelectMany(t => t.Result).Order().ToList();
            Assert.Equal(Enumerable.Range(1, writers * registrationsEach), registered);
            var bare = Path.Combine(serverRoot, "registry.git");
            var versions = (JArray)admin.GitReg("--registry", bare, "--json", "versions", "churn").ShouldSucceed().Json;
            Assert.Equal(writers * registrationsEach, versions.Count);
            Assert.Equal(writers * (registrationsEach / 5), versions.Count(v => (string)v["stage"]! == "Staging"));
            var model = (JObject)admin.GitReg("--registry", bare, "--json", "show", "churn").ShouldSucceed().Json;
            Assert.Equal(writers, ((JObject)model["aliases"]!).Count);
            admin.GitIn(bare, "fsck", "--strict").ShouldSucceed();
            admin.GitReg("--registry", bare, "validate").ShouldSucceed();

            // Every commit is signed by its writer's key: check each with git itself against all writers' keys.
            var allowed = admin.PathOf("all_signers");
            File.WriteAllLines(allowed, users.Select(u => File.ReadAllText(u.AllowedSigners).Trim()).Append(File.ReadAllText(admin.AllowedSigners).Trim()));
            var commits = admin.GitIn(bare, "rev-list", "HEAD").StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(1 + writers * registrationsEach + 2 * writers * (registrationsEach / 5), commits.Length);
            var verified = admin.GitIn(bare, "-c", $"gpg.ssh.allowedSignersFile={allowed}", "log", "--format=%G?").StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(verified, status => Assert.Equal("G", status));

            var writes = commits.Length - 1;
            output.WriteLine($"{writes} writes by {writers} processes over smart HTTP in {clock.Elapsed.TotalSeconds:F1} s: {writes / clock.Elapsed.TotalSeconds:F2} writes/s, {server.Requests} HTTP requests");
        }
        finally
        {
            users.ForEach(u => u.Dispose());
        }
    }
}

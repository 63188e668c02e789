using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

[Trait("Category", "EndToEnd")]
public sealed class CrashSafetyTests : IDisposable
{
    private readonly CliHarness _user = new();
    private readonly string _store;

    public CrashSafetyTests()
    {
        _store = _user.PathOf("store");
        _user.Environment["GITREG_ARTIFACT_STORE"] = _store;
    }

    [Theory]
    [InlineData("after-artifact-stored")]
    [InlineData("before-build")]
    [InlineData("before-ref-update")]
    public void A_writer_killed_at_a_pause_point_leaves_the_registry_as_it_was_and_a_retry_completes(string point)
    {
        var registry = _user.InitRegistry();
        _user.GitReg("--registry", registry, "register", "churn", "--artifact", _user.ModelFile()).ShouldSucceed();
        var head = Head(registry);

        KillAtPause(point, "--registry", registry, "register", "churn", "--artifact", _user.ModelFile(seed: 2));

        Assert.Equal(head, Head(registry));
        RegistryInvariants.AssertIntact(_user, registry, _store);
        var retry = _user.GitReg("--registry", registry, "--json", "register", "churn", "--artifact", _user.ModelFile(seed: 2)).ShouldSucceed();
        Assert.Equal(2, (int)retry.Json["version"]!);
        Assert.Equal("", _user.GitIn(registry, "status", "--porcelain").StandardOutput);
    }

    [Fact]
    public void A_push_writer_killed_before_pushing_leaves_the_remote_unchanged()
    {
        var server = _user.InitRegistry("server.git", bare: true);
        _user.GitReg("clone", server, _user.PathOf("clone")).ShouldSucceed();
        var head = Head(server);

        KillAtPause("before-ref-update", "--registry", _user.PathOf("clone"), "--push", "register", "churn", "--artifact", _user.ModelFile());

        Assert.Equal(head, Head(server));
        RegistryInvariants.AssertIntact(_user, server, _store);
        _user.GitReg("--registry", _user.PathOf("clone"), "--push", "register", "churn", "--artifact", _user.ModelFile()).ShouldSucceed();
        Assert.Equal(Head(_user.PathOf("clone")), Head(server));
    }

    [Fact]
    public void Writers_killed_at_random_moments_never_corrupt_the_registry()
    {
        var registry = _user.InitRegistry("server.git", bare: true);
        var artifact = _user.ModelFile("big.onnx", size: 32 * 1024 * 1024);
        var random = new Random(20261125);
        var completed = 0;
        for (var round = 0; round < 8; round++)
        {
            using var writer = _user.StartGitReg("--registry", registry, "register", "churn", "--artifact", artifact, "--tag", $"round={round}");
            // Kill somewhere between start-up, hashing the 32 MB artifact, signing and the ref update.
            if (!writer.WaitForExit(random.Next(100, 1500)))
            {
                writer.Kill(entireProcessTree: true);
                writer.WaitForExit();
            }
            else
            {
                completed++;
            }
            RegistryInvariants.AssertIntact(_user, registry, _store);
        }

        var result = _user.GitReg("--registry", registry, "--json", "register", "churn", "--artifact", artifact).ShouldSucceed();
        var versions = (JArray)_user.GitReg("--registry", registry, "--json", "versions", "churn").ShouldSucceed().Json;
        Assert.Equal(Enumerable.Range(1, versions.Count).Reverse(), versions.Select(v => (int)v["version"]!));
        Assert.Equal(versions.Count, (int)result.Json["version"]!);
        RegistryInvariants.AssertIntact(_user, registry, _store);
    }

    private void KillAtPause(string point, params string[] args)
    {
        _user.Environment["GITREG_TEST_PAUSE"] = point;
        try
        {
            using var writer = _user.StartGitReg(args);
            string? line;
            while ((line = writer.StandardError.ReadLine()) is not null && !line.StartsWith("paused at", StringComparison.Ordinal))
            {
            }
            Assert.Equal($"paused at {point}", line);
            writer.Kill(entireProcessTree: true);
            writer.WaitForExit();
        }
        finally
        {
            _user.Environment.Remove("GITREG_TEST_PAUSE");
        }
    }

    private string Head(string repository) => _user.GitIn(repository, "rev-parse", "HEAD").ShouldSucceed().StandardOutput.Trim();

    public void Dispose() => _user.Dispose();
}

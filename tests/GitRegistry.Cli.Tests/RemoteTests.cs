using GitRegistry.Cli.Tests.Servers;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

public sealed class RemoteTests : IDisposable
{
    private readonly CliHarness _ada = new();
    private readonly CliHarness _bob = new("Bob Builder", "bob@example.com");
    private readonly string _serverRoot;
    private readonly List<IDisposable> _servers = [];

    public RemoteTests()
    {
        _serverRoot = _ada.PathOf("srv");
        Directory.CreateDirectory(_serverRoot);
        _ada.GitReg("init", Path.Combine(_serverRoot, "registry.git"), "--bare").ShouldSucceed();
        _ada.GitIn(Path.Combine(_serverRoot, "registry.git"), "config", "http.receivepack", "true").ShouldSucceed();
    }

    private string Url(string transport)
    {
        switch (transport)
        {
            case "file":
                return Path.Combine(_serverRoot, "registry.git");
            case "git":
                var daemon = new GitDaemon(_serverRoot);
                _servers.Add(daemon);
                return daemon.Url("registry.git");
            default:
                var http = new SmartHttpServer(_serverRoot);
                _servers.Add(http);
                return http.Url("registry.git");
        }
    }

    [Theory]
    [InlineData("file")]
    [InlineData("git")]
    [InlineData("http")]
    public void Two_users_share_a_registry_through_a_remote(string transport)
    {
        var url = Url(transport);
        _ada.GitReg("clone", url, _ada.PathOf("ada")).ShouldSucceed();
        _bob.GitReg("clone", url, _bob.PathOf("bob")).ShouldSucceed();

        _ada.GitReg("--registry", _ada.PathOf("ada"), "--push", "register", "churn", "--artifact", _ada.ModelFile()).ShouldSucceed();
        _bob.GitReg("--registry", _bob.PathOf("bob"), "--push", "register", "churn", "--artifact", _bob.ModelFile(seed: 2)).ShouldSucceed();
        _ada.GitReg("--registry", _ada.PathOf("ada"), "pull").ShouldSucceed();

        var versions = (JArray)_ada.GitReg("--registry", _ada.PathOf("ada"), "--json", "versions", "churn").ShouldSucceed().Json;
        Assert.Equal(["bob@example.com", "ada@example.com"], versions.Select(v => (string)v["manifest"]!["created_by"]!["email"]!).ToArray());
        Assert.Equal([2, 1], versions.Select(v => (int)v["version"]!).ToArray());
        Assert.Equal("", _ada.GitIn(_ada.PathOf("ada"), "status", "--porcelain").StandardOutput);
    }

    [Fact]
    public void A_push_writer_takes_the_next_free_version_when_someone_else_pushed_first()
    {
        var url = Url("file");
        _ada.GitReg("clone", url, _ada.PathOf("ada")).ShouldSucceed();
        _bob.GitReg("clone", url, _bob.PathOf("bob")).ShouldSucceed();
        _ada.GitReg("--registry", _ada.PathOf("ada"), "--push", "register", "churn", "--artifact", _ada.ModelFile()).ShouldSucceed();

        // Bob's clone has not seen version 1; with --push he writes on the remote's tip anyway.
        var json = _bob.GitReg("--registry", _bob.PathOf("bob"), "--push", "--json", "register", "churn", "--artifact", _bob.ModelFile(seed: 2)).ShouldSucceed().Json;

        Assert.Equal(2, (int)json["version"]!);
        Assert.Equal(2, (int)_bob.GitReg("--registry", Path.Combine(_serverRoot, "registry.git"), "--json", "resolve", "models:/churn/latest").ShouldSucceed().Json["version"]!);
    }

    [Fact]
    public void Local_commits_are_reapplied_on_the_remote_tip_by_push()
    {
        var url = Url("file");
        _ada.GitReg("clone", url, _ada.PathOf("ada")).ShouldSucceed();
        _ada.GitReg("--registry", _ada.PathOf("ada"), "--push", "register", "churn", "--artifact", _ada.ModelFile()).ShouldSucceed();
        _bob.GitReg("clone", url, _bob.PathOf("bob")).ShouldSucceed();
        var bob = _bob.PathOf("bob");
        _bob.GitReg("--registry", bob, "tag", "set", "churn", "owner", "bob").ShouldSucceed();
        _ada.GitReg("--registry", _ada.PathOf("ada"), "--push", "transition", "churn", "1", "Staging").ShouldSucceed();

        var pushed = _bob.GitReg("--registry", bob, "push").ShouldSucceed().StandardOutput;

        Assert.Contains("re-applied", pushed);
        var model = (JObject)_bob.GitReg("--registry", url, "--json", "show", "churn").ShouldSucceed().Json;
        Assert.Equal("bob", (string)model["tags"]!["owner"]!);
        Assert.Equal(1, (int)model["stages"]!["Staging"]!);
        _bob.GitIn(bob, "verify-commit", "HEAD").ShouldSucceed();
        Assert.Equal("", _bob.GitIn(bob, "status", "--porcelain").StandardOutput);
    }

    [Fact]
    public void Conflicting_local_commits_are_reported_and_the_remote_is_left_unchanged()
    {
        var url = Url("file");
        _ada.GitReg("clone", url, _ada.PathOf("ada")).ShouldSucceed();
        _bob.GitReg("clone", url, _bob.PathOf("bob")).ShouldSucceed();
        _bob.GitReg("--registry", _bob.PathOf("bob"), "register", "churn", "--artifact", _bob.ModelFile(seed: 2)).ShouldSucceed();
        _ada.GitReg("--registry", _ada.PathOf("ada"), "--push", "register", "churn", "--artifact", _ada.ModelFile()).ShouldSucceed();
        var remoteHead = _ada.GitIn(url, "rev-parse", "HEAD").StandardOutput;

        var result = _bob.GitReg("--registry", _bob.PathOf("bob"), "push").ShouldFailWith(ExitCodes.Conflict);

        Assert.Contains("models/churn/versions/1.yaml", result.StandardError);
        Assert.Equal(remoteHead, _ada.GitIn(url, "rev-parse", "HEAD").StandardOutput);
    }

    [Fact]
    public void Reads_say_how_old_the_fetched_state_is_and_fetch_on_request()
    {
        var url = Url("file");
        _ada.GitReg("clone", url, _ada.PathOf("ada")).ShouldSucceed();
        _bob.GitReg("clone", url, _bob.PathOf("bob")).ShouldSucceed();
        _bob.GitReg("--registry", _bob.PathOf("bob"), "--push", "register", "churn", "--artifact", _bob.ModelFile()).ShouldSucceed();

        var stale = _ada.GitReg("--registry", _ada.PathOf("ada"), "models");
        var fresh = _ada.GitReg("--registry", _ada.PathOf("ada"), "--fetch", "--json", "models").ShouldSucceed();

        Assert.Contains("last fetched from origin", stale.StandardError);
        Assert.DoesNotContain("churn", stale.StandardOutput);
        Assert.Equal("churn", (string)fresh.Json[0]!["name"]!);
    }

    [Fact]
    public void Git_config_gitreg_push_makes_every_write_push()
    {
        var url = Url("file");
        _ada.GitReg("clone", url, _ada.PathOf("ada")).ShouldSucceed();
        _ada.GitIn(_ada.PathOf("ada"), "config", "gitreg.push", "true").ShouldSucceed();

        _ada.GitReg("--registry", _ada.PathOf("ada"), "register", "churn", "--artifact", _ada.ModelFile()).ShouldSucceed();

        Assert.Equal(_ada.GitIn(_ada.PathOf("ada"), "rev-parse", "HEAD").StandardOutput, _ada.GitIn(url, "rev-parse", "HEAD").StandardOutput);
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }
        _ada.Dispose();
        _bob.Dispose();
    }
}

using System.Text;

namespace GitRegistry.Cli.Tests;

/// <summary>Hostile and broken input: each gets a clear error and an exit code, and the registry is left as it was.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly CliHarness _user = new();
    private readonly string _registry;

    public HostileInputTests()
    {
        _registry = _user.InitRegistry();
        _user.Environment["GITREG_REGISTRY"] = _registry;
        _user.GitReg("register", "churn", "--artifact", _user.ModelFile()).ShouldSucceed();
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("сhurn")] // Cyrillic 'с'
    [InlineData("churn\u0007")]
    [InlineData("churn\nx")]
    [InlineData("CHURN")]
    public void Hostile_model_names_are_refused_and_nothing_is_written(string name)
    {
        var head = Head();

        var result = _user.GitReg("register", name, "--artifact", _user.ModelFile(seed: 2)).ShouldFailWith(ExitCodes.Usage);

        Assert.Contains("not a valid model name", result.StandardError);
        Assert.False(result.StandardError.Contains('\u0007'), "the control character must not reach the terminal");
        Assert.Equal(head, Head());
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("champion\u202e")]
    [InlineData("latest")]
    public void Hostile_aliases_are_refused(string alias)
    {
        var head = Head();

        _user.GitReg("alias", "set", "churn", alias, "1").ShouldFailWith(ExitCodes.Usage);

        Assert.Equal(head, Head());
    }

    [Fact]
    public void An_artifact_file_name_with_control_characters_is_refused_by_the_schema()
    {
        var path = _user.PathOf("mo\u0001del.onnx");
        File.WriteAllBytes(path, [1, 2, 3]);
        var head = Head();

        var result = _user.GitReg("register", "churn", "--artifact", path).ShouldFailWith(ExitCodes.ValidationFailed);

        Assert.Contains("artifact.file_name", result.StandardError);
        Assert.Equal(head, Head());
    }

    [Theory]
    [InlineData("bomb", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "alias")]
    [InlineData("duplicate", "name: churn\nname: churn\nversions: {}\n", "appears twice")]
    [InlineData("wrongtype", "name: churn\nversions: []\n", "wrong type")]
    [InlineData("unknown", "name: churn\nversions: {}\nowner: mallory\n", "not a known field")]
    [InlineData("nan", "name: churn\nversions: {}\ntags: {x: .nan}\n", "not a finite number")]
    public void A_broken_model_file_is_reported_by_every_command_that_reads_it(string kind, string content, string expected)
    {
        CommitFile("models/churn/model.yaml", content, $"hand edit: {kind}");

        var validate = _user.GitReg("validate").ShouldFailWith(ExitCodes.ValidationFailed);
        var resolve = _user.GitReg("resolve", "models:/churn/1").ShouldFailWith(ExitCodes.ValidationFailed);
        var write = _user.GitReg("transition", "churn", "1", "Staging").ShouldFailWith(ExitCodes.ValidationFailed);

        Assert.Contains("models/churn/model.yaml", validate.StandardError);
        Assert.Contains(expected, validate.StandardError);
        Assert.Contains("models/churn/model.yaml", resolve.StandardError);
        Assert.Contains("models/churn/model.yaml", write.StandardError);
    }

    [Fact]
    public void A_huge_manifest_is_refused_without_being_read_whole()
    {
        var huge = new StringBuilder("name: churn\nversion: 1\ndescription: \"");
        huge.Append('x', 100 * 1024 * 1024).Append("\"\n");
        CommitFile("models/churn/versions/1.yaml", huge.ToString(), "hand edit: 100 MB manifest");

        var result = _user.GitReg("show", "models:/churn/1").ShouldFailWith(ExitCodes.ValidationFailed);

        Assert.Contains("models/churn/versions/1.yaml", result.StandardError);
        Assert.Contains("KiB", result.StandardError);
    }

    [Fact]
    public void A_symbolic_link_in_the_registry_tree_is_refused()
    {
        var modelYaml = Path.Combine(_registry, "models", "churn", "model.yaml");
        File.Delete(modelYaml);
        File.CreateSymbolicLink(modelYaml, "/etc/passwd");
        _user.GitIn(_registry, "add", "-A").ShouldSucceed();
        _user.GitIn(_registry, "commit", "-q", "-S", "-m", "symlink").ShouldSucceed();

        var validate = _user.GitReg("validate").ShouldFailWith(ExitCodes.ValidationFailed);
        var read = _user.GitReg("resolve", "models:/churn/1").ShouldFailWith(ExitCodes.ValidationFailed);

        Assert.Contains("symbolic link", validate.StandardError);
        Assert.Contains("symbolic link", read.StandardError);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("cas://sha256/../../../etc/passwd")]
    public void A_manifest_whose_artifact_points_outside_the_store_is_refused_on_fetch(string uri)
    {
        var manifest = Path.Combine(_registry, "models", "churn", "versions", "1.yaml");
        var text = File.ReadAllLines(manifest).Select(l => l.StartsWith("  uri:", StringComparison.Ordinal) ? $"  uri: \"{uri}\"" : l);
        CommitFile("models/churn/versions/1.yaml", string.Join("\n", text) + "\n", "hand edit: artifact uri");

        var result = _user.GitReg("artifact", "models:/churn/1", "-o", _user.PathOf("out")).ShouldFailWith(ExitCodes.ArtifactFailed);

        Assert.Contains(uri, result.StandardError);
        Assert.False(Directory.Exists(_user.PathOf("out")) && Directory.EnumerateFiles(_user.PathOf("out")).Any());
    }

    [Fact]
    public void A_force_pushed_remote_is_reported_on_pull_and_never_followed()
    {
        var server = _user.InitRegistry("server.git", bare: true);
        _user.GitReg("clone", server, _user.PathOf("clone")).ShouldSucceed();
        var clone = _user.PathOf("clone");
        _user.GitReg("--registry", clone, "--push", "register", "churn", "--artifact", _user.ModelFile()).ShouldSucceed();
        var mine = _user.GitIn(clone, "rev-parse", "HEAD").StandardOutput.Trim();
        // Someone rewrites the remote's history: a different commit replaces the one the clone has.
        _user.GitIn(server, "update-ref", "refs/heads/main", "HEAD~1").ShouldSucceed();
        _user.GitReg("--registry", server, "register", "fraud", "--artifact", _user.ModelFile(seed: 3)).ShouldSucceed();

        var result = _user.GitReg("--registry", clone, "pull").ShouldFailWith(ExitCodes.Conflict);

        Assert.Contains("diverged", result.StandardError);
        Assert.Equal(mine, _user.GitIn(clone, "rev-parse", "HEAD").StandardOutput.Trim());
    }

    private void CommitFile(string path, string content, string message)
    {
        var full = Path.Combine(_registry, path);
        File.WriteAllText(full, content);
        _user.GitIn(_registry, "add", path).ShouldSucceed();
        _user.GitIn(_registry, "commit", "-q", "-S", "-m", message).ShouldSucceed();
    }

    private string Head() => _user.GitIn(_registry, "rev-parse", "HEAD").StandardOutput.Trim();

    public void Dispose() => _user.Dispose();
}

using GitRegistry.Registration;

namespace GitRegistry.Testing;

/// <summary>
/// A real registry in a temp folder, made by <see cref="Registry.Init"/>, bare or not. Its repo-local git config
/// signs with the default test key and names an allowed-signers file, so that <c>git verify-commit</c> can check
/// every commit. Disposing it removes the folder.
/// </summary>
public sealed class TestRegistry : IDisposable
{
    private Registry _registry;
    private int _artifacts;

    private TestRegistry(string folder, string root, bool bare, Registry registry)
    {
        Folder = folder;
        Root = root;
        IsBare = bare;
        _registry = registry;
        AllowedSigners = Path.Combine(folder, "allowed_signers");
    }

    /// <summary>The temp folder holding the registry and the test's other files.</summary>
    public string Folder { get; }

    /// <summary>The registry's folder: the working tree, or the bare repository.</summary>
    public string Root { get; }

    /// <summary>True for a bare registry.</summary>
    public bool IsBare { get; }

    /// <summary>The git directory: <see cref="Root"/> when bare, else its <c>.git</c>.</summary>
    public string GitDirectory => IsBare ? Root : Path.Combine(Root, ".git");

    /// <summary>The allowed-signers file named by the registry's <c>gpg.ssh.allowedSignersFile</c>.</summary>
    public string AllowedSigners { get; }

    /// <summary>The registry, opened once; <see cref="Reopen"/> replaces it (git config is read once per instance).</summary>
    public Registry Registry => _registry;

    /// <summary>Initializes a registry named <paramref name="name"/> in a new temp folder.</summary>
    public static TestRegistry Create(bool bare = false, string name = "test-registry")
    {
        var folder = TestEnvironment.NewTempFolder("reg-");
        var root = Path.Combine(folder, bare ? "registry.git" : "registry");
        // Init signs its first commit with what git config says at that moment: the global config's default key.
        var registry = Registry.Init(root, name, bare, approvals: 0);
        var test = new TestRegistry(folder, root, bare, registry);
        File.WriteAllText(test.AllowedSigners, TestEnvironment.DefaultKey.AllowedSignersLine + "\n");
        // Appended to the new repository's config file in one go: what three 'git config' calls would write.
        File.AppendAllText(Path.Combine(test.GitDirectory, "config"),
            $"[gpg]\n\tformat = ssh\n[user]\n\tsigningkey = {Quoted(TestEnvironment.DefaultKey.PrivateKeyPath)}\n" +
            $"[gpg \"ssh\"]\n\tallowedSignersFile = {Quoted(test.AllowedSigners)}\n");
        test.Reopen();
        return test;
    }

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Closes the registry and opens it again, so that it reads git config anew.</summary>
    public Registry Reopen()
    {
        _registry.Dispose();
        _registry = Registry.Open(Root);
        return _registry;
    }

    /// <summary>A second, independent instance of the registry (for another thread); the caller disposes it.</summary>
    public Registry OpenAnother() => Registry.Open(Root);

    /// <summary>Runs git in the registry.</summary>
    public CommandResult Git(params string[] arguments) => Testing.Git.Run(Root, arguments);

    /// <summary>Runs git in the registry and returns its stdout; throws when git fails.</summary>
    public string GitOutput(params string[] arguments) => Testing.Git.Output(Root, arguments);

    /// <summary>Sets a value in the registry's own (repo-local) git config, then reopens the registry.</summary>
    public void SetConfig(string key, string value)
    {
        Git("config", "--local", key, value).EnsureSuccess();
        Reopen();
    }

    /// <summary>Makes the registry act as someone else: their name, e-mail and key, trusted in the allowed-signers file.</summary>
    public void ActAs(string name, SshKey key)
    {
        File.AppendAllText(AllowedSigners, key.AllowedSignersLine + "\n");
        Git("config", "--local", "user.name", name).EnsureSuccess();
        Git("config", "--local", "user.email", key.Email).EnsureSuccess();
        Git("config", "--local", "user.signingkey", key.PrivateKeyPath).EnsureSuccess();
        Reopen();
    }

    /// <summary>Writes a file under <see cref="Folder"/> (outside the registry) and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Folder, "files", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Writes a file of bytes under <see cref="Folder"/> and returns its path.</summary>
    public string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(Folder, "files", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Registers a version of <paramref name="model"/> whose artifact is a small file of unique content.</summary>
    public RegistrationResult Register(string model, string? description = null, IDictionary<string, string>? tags = null)
    {
        var number = Interlocked.Increment(ref _artifacts);
        var artifact = WriteFile($"artifact-{number}/model.onnx", $"model {model} #{number} {Guid.NewGuid()}");
        return _registry.Register(new RegistrationRequest
        {
            Name = model,
            ArtifactPath = artifact,
            Description = description,
            Tags = tags ?? new Dictionary<string, string>(),
        });
    }

    /// <summary>
    /// Changes the registry's files by hand, the way a user would, and commits the change (unsigned, with git):
    /// in the working tree of a non-bare registry, or in a clone pushed back to a bare one.
    /// <paramref name="edit"/> receives the folder to edit.
    /// </summary>
    public string CommitByHand(string message, Action<string> edit)
    {
        var workTree = Root;
        if (IsBare)
        {
            workTree = Path.Combine(Folder, "clone-" + Guid.NewGuid().ToString("N")[..8]);
            Testing.Git.Run(Folder, "clone", "--quiet", Root, workTree).EnsureSuccess();
        }
        edit(workTree);
        Testing.Git.Run(workTree, "add", "--all").EnsureSuccess();
        Testing.Git.Run(workTree, "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", message).EnsureSuccess();
        if (IsBare)
        {
            Testing.Git.Run(workTree, "push", "--quiet", "origin", "HEAD:main").EnsureSuccess();
            TestEnvironment.TryDelete(workTree);
        }
        return GitOutput("rev-parse", "main").Trim();
    }

    /// <summary>Edits one file of the registry by hand (see <see cref="CommitByHand"/>).</summary>
    public string EditByHand(string path, Func<string, string> change, string? message = null) =>
        CommitByHand(message ?? $"Edit {path} by hand", tree =>
        {
            var full = Path.Combine(tree, path);
            File.WriteAllText(full, change(File.ReadAllText(full)));
        });

    /// <summary>The text of a file at the branch tip, as git shows it.</summary>
    public string Show(string path, string revision = "main") => GitOutput("show", $"{revision}:{path}");

    /// <inheritdoc/>
    public void Dispose()
    {
        _registry.Dispose();
        TestEnvironment.TryDelete(Folder);
    }
}

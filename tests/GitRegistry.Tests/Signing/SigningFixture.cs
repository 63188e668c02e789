using System.Diagnostics;

namespace GitRegistry.Tests.Signing;

/// <summary>
/// What the signing tests share: a temp folder, throwaway SSH keys made by ssh-keygen, and a way to run git and
/// ssh-keygen hermetically. Child processes get their own HOME, no system git config, an empty global one, TZ=UTC
/// (unless a test picks another zone), C messages, and none of the variables that would steer git from outside;
/// the test process's own environment is left alone.
/// </summary>
public sealed class SigningFixture : IDisposable
{
    private static readonly string[] Cleared =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL",
        "GIT_AUTHOR_DATE", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_COMMITTER_DATE", "SSH_AUTH_SOCK",
        "XDG_CONFIG_HOME", "GIT_SSH_COMMAND",
    ];

    private readonly Dictionary<string, SigningKey> _keys = [];
    private readonly Lock _lock = new();
    private int _folders;

    /// <summary>Creates the temp folder, HOME and global config.</summary>
    public SigningFixture()
    {
        Root = Directory.CreateTempSubdirectory("gitreg-signing-").FullName;
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);
        GlobalConfig = Path.Combine(Root, "global.gitconfig");
        File.WriteAllText(GlobalConfig, "");
    }

    /// <summary>Everything the tests write lives under here.</summary>
    public string Root { get; }

    /// <summary>HOME for child processes.</summary>
    public string Home { get; }

    /// <summary>GIT_CONFIG_GLOBAL for child processes: empty, so that only what a test sets counts.</summary>
    public string GlobalConfig { get; }

    /// <summary>A new empty folder under <see cref="Root"/>.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(Root, $"{Interlocked.Increment(ref _folders):D3}-{name}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// A key made once per fixture with <c>ssh-keygen -t TYPE [-b BITS] -N ""</c>; <paramref name="name"/> tells
    /// apart several keys of one type.
    /// </summary>
    public SigningKey Key(string type, int? bits = null, string name = "", string comment = "signer@example.com")
    {
        var id = $"{type}{bits}{name}";
        lock (_lock)
        {
            if (_keys.TryGetValue(id, out var existing))
            {
                return existing;
            }
            var path = Path.Combine(NewFolder("key-" + id), "id_" + type);
            List<string> arguments = ["-q", "-t", type, "-N", "", "-C", comment, "-f", path];
            if (bits is not null)
            {
                arguments.InsertRange(1, ["-b", bits.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            }
            Run("ssh-keygen", arguments).ShouldSucceed();
            var key = new SigningKey(path, File.ReadAllText(path + ".pub").Trim());
            _keys[id] = key;
            return key;
        }
    }

    /// <summary>Runs a program with the hermetic environment, plus <paramref name="environment"/> (null values unset).</summary>
    public ToolResult Run(string program, IEnumerable<string> arguments, string? workingDirectory = null, byte[]? input = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in Cleared)
        {
            start.Environment.Remove(name);
        }
        start.Environment["HOME"] = Home;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = GlobalConfig;
        start.Environment["TZ"] = "UTC";
        start.Environment["LC_ALL"] = "C";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            if (input is not null)
            {
                process.StandardInput.BaseStream.Write(input);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited (say, on a malformed signature) without reading its input: its exit code tells.
        }
        process.WaitForExit();
        copy.GetAwaiter().GetResult();
        return new ToolResult($"{program} {string.Join(' ', start.ArgumentList)}", process.ExitCode, output.ToArray(), error.GetAwaiter().GetResult());
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a run for.
        }
    }
}

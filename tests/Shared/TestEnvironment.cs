using System.Runtime.CompilerServices;
using LibGit2Sharp;

namespace GitRegistry.Testing;

/// <summary>
/// Makes every test in the assembly hermetic, before any test runs: HOME is a fresh temp folder, git reads no
/// system config and a global config of our own (a default test user who signs with a throwaway ed25519 key),
/// GNUPGHOME is a short temp folder, and variables that would steer git or gitreg from outside are removed.
/// Child processes (git, ssh-keygen, the CLI) inherit all of it; libgit2 is pointed at the same config folders.
/// </summary>
public static class TestEnvironment
{
    /// <summary>The default test user's name, as in the global git config.</summary>
    public const string UserName = "Test User";

    /// <summary>The default test user's e-mail, as in the global git config.</summary>
    public const string UserEmail = "test.user@example.com";

    // Variables that would let the developer's own shell leak into a test.
    private static readonly string[] Cleared =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
        "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_AUTHOR_DATE", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL",
        "GIT_COMMITTER_DATE", "GIT_SSH_COMMAND", "SSH_AUTH_SOCK", "XDG_CONFIG_HOME", "GITREG_ARTIFACT_STORE",
        "GITREG_REGISTRY", "GPG_AGENT_INFO",
    ];

    private static int _initialized;

    /// <summary>The temp folder every test folder lives under; removed when the process exits.</summary>
    public static string Root { get; private set; } = "";

    /// <summary>The HOME of the tests.</summary>
    public static string Home { get; private set; } = "";

    /// <summary>The file GIT_CONFIG_GLOBAL points at.</summary>
    public static string GlobalConfig { get; private set; } = "";

    /// <summary>GNUPGHOME: a short path, because gpg-agent's socket path has a length limit.</summary>
    public static string GnupgHome { get; private set; } = "";

    /// <summary>The default test user's signing key (user.signingkey in the global config).</summary>
    public static SshKey DefaultKey { get; private set; } = null!;

    /// <summary>An allowed-signers file holding the default key (gpg.ssh.allowedSignersFile in the global config).</summary>
    public static string AllowedSigners { get; private set; } = "";

    /// <summary>Runs once when the test assembly loads (compilers call it; tests may call it again harmlessly).</summary>
#pragma warning disable CA2255 // A test assembly is the one place where setting up the process at load time is right.
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void Initialize()
    {
        if (Interlocked.Exchange(ref _initialized, 1) == 1)
        {
            return;
        }
        Root = Directory.CreateTempSubdirectory("gitreg-tests-").FullName;
        GnupgHome = Directory.CreateTempSubdirectory("grg-").FullName;
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);
        GlobalConfig = Path.Combine(Home, ".gitconfig");
        File.WriteAllText(GlobalConfig, "");

        foreach (var name in Cleared)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
        Environment.SetEnvironmentVariable("HOME", Home);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", GlobalConfig);
        Environment.SetEnvironmentVariable("GNUPGHOME", GnupgHome);
        Environment.SetEnvironmentVariable("GIT_TERMINAL_PROMPT", "0");
        // Messages in English, so that tests can read git's output.
        Environment.SetEnvironmentVariable("LC_ALL", "C");
        Environment.SetEnvironmentVariable("LANG", "C");

        // libgit2 reads config files itself and does not know GIT_CONFIG_GLOBAL, and .NET does not pass
        // SetEnvironmentVariable on to native getenv: point it at our (empty) folders explicitly.
        GlobalSettings.SetConfigSearchPaths(ConfigurationLevel.Global, Home);
        GlobalSettings.SetConfigSearchPaths(ConfigurationLevel.Xdg, Path.Combine(Home, ".config"));
        GlobalSettings.SetConfigSearchPaths(ConfigurationLevel.System, Path.Combine(Root, "no-system-config"));
        GlobalSettings.SetConfigSearchPaths(ConfigurationLevel.ProgramData, Path.Combine(Root, "no-programdata-config"));

        DefaultKey = SshKey.Create(SshKeyType.Ed25519, UserEmail, Path.Combine(Root, "keys"));
        AllowedSigners = Path.Combine(Root, "allowed_signers");
        File.WriteAllText(AllowedSigners, DefaultKey.AllowedSignersLine + "\n");
        SetGlobal("user.name", UserName);
        SetGlobal("user.email", UserEmail);
        SetGlobal("init.defaultBranch", "main");
        SetGlobal("gpg.format", "ssh");
        SetGlobal("user.signingkey", DefaultKey.PrivateKeyPath);
        SetGlobal("gpg.ssh.allowedSignersFile", AllowedSigners);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            TryDelete(Root);
            TryDelete(GnupgHome);
        };
    }

    /// <summary>Creates a new, empty folder under <see cref="Root"/>.</summary>
    public static string NewTempFolder(string prefix = "t-")
    {
        var path = Path.Combine(Root, prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes a folder tree, ignoring what cannot be deleted (a test's cleanup must not fail the test).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void SetGlobal(string key, string value) =>
        Command.Run("git", ["config", "--file", GlobalConfig, key, value], Root).EnsureSuccess();
}

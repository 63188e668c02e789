namespace GitRegistry.Tests.Signing;

/// <summary>
/// Sets the test process's HOME, GIT_CONFIG_NOSYSTEM and GIT_CONFIG_GLOBAL to a throwaway global config holding
/// user.name, user.email, gpg.format=ssh and user.signingkey (a fresh ed25519 key), because Registry.Init runs
/// <c>git init</c> and then signs its first commit with whatever git config says. Restores the previous values when
/// the collection is done.
/// </summary>
public sealed class RegistrySigningEnvironment : IDisposable
{
    /// <summary>The committer the global config names.</summary>
    public const string Email = "registrar@example.com";

    private static readonly string[] Variables =
    [
        "HOME", "GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_GLOBAL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "GIT_DIR",
        "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GITREG_ARTIFACT_STORE", "SSH_AUTH_SOCK",
    ];

    private readonly Dictionary<string, string?> _saved = [];

    /// <summary>Makes the key and config, then points the process at them.</summary>
    public RegistrySigningEnvironment()
    {
        Signing = new SigningFixture();
        Key = Signing.Key("ed25519", comment: Email);
        File.WriteAllText(Signing.GlobalConfig,
            $"[user]\n\tname = Registrar\n\temail = {Email}\n\tsigningkey = {Key.PrivateKeyPath}\n[gpg]\n\tformat = ssh\n");
        foreach (var name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }
        Environment.SetEnvironmentVariable("HOME", Signing.Home);
        Environment.SetEnvironmentVariable("GIT_CONFIG_NOSYSTEM", "1");
        Environment.SetEnvironmentVariable("GIT_CONFIG_GLOBAL", Signing.GlobalConfig);
    }

    /// <summary>Keys, folders and the hermetic child-process runner; its global config is the one described above.</summary>
    public SigningFixture Signing { get; }

    /// <summary>The key the global config signs with.</summary>
    public SigningKey Key { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
        Signing.Dispose();
    }
}

namespace GitRegistry.Storage;

/// <summary>
/// git's configuration as the git CLI sees it for one repository (system, global, local, includes and
/// environment overrides alike), read once with <c>git config --list -z</c>. Signing must honour exactly what
/// <c>git commit -S</c> would, so we ask git rather than re-implementing its config lookup.
/// </summary>
internal sealed class GitConfig
{
    private readonly Dictionary<string, string> _values;

    private GitConfig(Dictionary<string, string> values) => _values = values;

    public static GitConfig Read(string gitDirectory)
    {
        var result = ChildProcess.Run("git", ["--git-dir", gitDirectory, "config", "--list", "-z"]);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (result.ExitCode == 0)
        {
            foreach (var entry in result.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                var newline = entry.IndexOf('\n');
                // The last value wins, as for git's own single-valued keys.
                values[newline < 0 ? entry : entry[..newline]] = newline < 0 ? "true" : entry[(newline + 1)..];
            }
        }
        return new GitConfig(values);
    }

    public string? Get(string key) => _values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}

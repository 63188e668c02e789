using System.CommandLine;
using GitRegistry.Cli.Output;

namespace GitRegistry.Cli;

/// <summary>What a command body gets: its parse result, where to print, and the registry (opened on first use).</summary>
internal sealed class CommandContext(ParseResult parse, CliOutput output) : IDisposable
{
    private Registry? _registry;

    public ParseResult Parse => parse;

    public CliOutput Output => output;

    /// <summary>The registry path: --registry, else GITREG_REGISTRY, else the current folder.</summary>
    public string RegistryPath
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("GITREG_REGISTRY");
            return parse.GetValue(GlobalOptions.Registry)
                ?? (string.IsNullOrEmpty(fromEnvironment) ? Environment.CurrentDirectory : fromEnvironment);
        }
    }

    /// <summary>The registry, opened for writing: --push / --no-push override git config gitreg.push.</summary>
    public Registry Registry => _registry ??= OpenRegistry();

    public string Remote => parse.GetValue(GlobalOptions.Remote) ?? "origin";

    /// <summary>
    /// The registry, opened for reading: with --fetch it is fast-forwarded from the remote first; without, a
    /// person is told (on stderr) how old the last fetched state is, when there is a remote at all.
    /// </summary>
    public Registry ReadRegistry
    {
        get
        {
            var registry = Registry;
            if (!registry.Remotes.Contains(Remote))
            {
                return registry;
            }
            if (parse.GetValue(GlobalOptions.Fetch))
            {
                registry.Pull(Remote);
            }
            else if (!output.Json)
            {
                var age = registry.LastFetched is { } fetched ? Describe(DateTimeOffset.UtcNow - fetched) + " ago" : "never";
                output.Error.WriteLine($"(registry state as last fetched from {Remote}: {age}; pass --fetch to update)");
            }
            return registry;
        }
    }

    private Registry OpenRegistry()
    {
        var registry = Registry.Open(RegistryPath);
        registry.TargetBranch = parse.GetValue(GlobalOptions.Branch);
        if (parse.GetValue(GlobalOptions.Push))
        {
            registry.PushRemote = Remote;
        }
        else if (parse.GetValue(GlobalOptions.NoPush))
        {
            registry.PushRemote = null;
        }
        else if (registry.PushRemote is not null && parse.GetResult(GlobalOptions.Remote) is not null)
        {
            registry.PushRemote = Remote;
        }
        return registry;
    }

    private static string Describe(TimeSpan age) =>
        age.TotalMinutes < 1 ? "less than a minute"
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} minute(s)"
        : age.TotalDays < 1 ? $"{(int)age.TotalHours} hour(s)"
        : $"{(int)age.TotalDays} day(s)";

    public T Get<T>(Option<T> option) => parse.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => parse.GetValue(argument)!;

    public void Dispose() => _registry?.Dispose();
}

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

    public Registry Registry => _registry ??= Registry.Open(RegistryPath);

    public T Get<T>(Option<T> option) => parse.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => parse.GetValue(argument)!;

    public void Dispose() => _registry?.Dispose();
}

using System.CommandLine;

namespace GitRegistry.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Registry = new("--registry")
    {
        Description = "The registry repository (a clone or a bare repository; the lock commands also take a git URL). Default: $GITREG_REGISTRY, else the current folder.",
        Recursive = true,
        HelpName = "PATH",
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document on stdout (errors as JSON on stderr), for scripts.",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "On failure, also print the stack trace.",
        Recursive = true,
    };
}

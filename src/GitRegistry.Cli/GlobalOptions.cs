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

    public static readonly Option<bool> Push = new("--push")
    {
        Description = "Writes: fetch the remote first, commit on its tip and push (retried when someone else pushed first). Default: git config gitreg.push.",
        Recursive = true,
    };

    public static readonly Option<bool> NoPush = new("--no-push")
    {
        Description = "Writes: commit locally only, even when git config gitreg.push is true.",
        Recursive = true,
    };

    public static readonly Option<bool> Fetch = new("--fetch")
    {
        Description = "Reads: fetch the remote and fast-forward before reading. Without it, reads use the last fetched state.",
        Recursive = true,
    };

    public static readonly Option<string> Remote = new("--remote")
    {
        Description = "The remote that --push, --fetch, pull and push use.",
        Recursive = true,
        DefaultValueFactory = _ => "origin",
        HelpName = "NAME",
    };

    public static readonly Option<string?> Branch = new("--branch")
    {
        Description = "Writes: commit to this branch (created from the current one if needed) instead of the checked-out branch, e.g. a proposal for a pull request.",
        Recursive = true,
        HelpName = "NAME",
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "On failure, also print the stack trace.",
        Recursive = true,
    };
}

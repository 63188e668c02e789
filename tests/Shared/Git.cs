namespace GitRegistry.Testing;

/// <summary>The real git CLI, for setting up repositories and for checking what the code under test wrote.</summary>
public static class Git
{
    /// <summary>Runs <c>git -C DIRECTORY ARGS...</c>.</summary>
    public static CommandResult Run(string directory, params string[] arguments) =>
        Command.Run("git", ["-C", directory, .. arguments], directory);

    /// <summary>Runs git and returns its stdout, throwing with its stderr when it fails.</summary>
    public static string Output(string directory, params string[] arguments) =>
        Run(directory, arguments).EnsureSuccess().StandardOutput;

    /// <summary>The lines git printed, without empty ones.</summary>
    public static IReadOnlyList<string> Lines(string directory, params string[] arguments) =>
        Output(directory, arguments).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

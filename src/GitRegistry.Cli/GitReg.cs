namespace GitRegistry.Cli;

/// <summary>Runs gitreg in-process, as if from a shell: for tools and samples that drive the CLI.</summary>
public static class GitReg
{
    /// <summary>Runs one gitreg command line; returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(params string[] args) => GitRegCommand.Create().Parse(args).Invoke();
}

namespace GitRegistry.Testing;

/// <summary>What a child process (git, ssh-keygen, node, dotnet) returned.</summary>
public sealed record CommandResult(string Program, IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>True for exit code 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with the command line and its stderr unless the command succeeded; returns this result.</summary>
    public CommandResult EnsureSuccess()
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException($"'{this}' exited with {ExitCode}:\n{StandardError}{StandardOutput}");
        }
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Program} {string.Join(' ', Arguments)}";
}

namespace GitRegistry.Storage;

/// <summary>What a child process returned.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

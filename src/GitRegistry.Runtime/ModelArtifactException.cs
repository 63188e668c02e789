namespace GitRegistry.Runtime;

/// <summary>
/// A pinned model's files are missing or do not match the lock: the artifact is absent, altered (its sha256 differs),
/// or the lock or manifest next to the app is unreadable. The message names the file and how to fix it.
/// </summary>
public sealed class ModelArtifactException : Exception
{
    /// <summary>Creates the failure.</summary>
    public ModelArtifactException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

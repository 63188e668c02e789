namespace GitRegistry.Registration;

/// <summary>The outcome of a write.</summary>
/// <param name="CommitId">The new commit, or null when nothing needed to change.</param>
/// <param name="Summary">One line saying what happened.</param>
public record WriteResult(string? CommitId, string Summary)
{
    /// <summary>False when the registry already was in the requested state.</summary>
    public bool Changed => CommitId is not null;
}

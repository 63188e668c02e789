namespace GitRegistry.Registration;

/// <summary>The outcome of a stage transition.</summary>
/// <param name="CommitId">The new commit, or null when the version already was in the stage.</param>
/// <param name="Summary">One line saying what happened.</param>
/// <param name="FromStage">The stage the version left.</param>
/// <param name="ToStage">The stage it is in now (the registry's spelling).</param>
/// <param name="Archived">Versions that archive-existing moved to Archived.</param>
public sealed record TransitionResult(string? CommitId, string Summary, string FromStage, string ToStage, IReadOnlyList<int> Archived)
    : WriteResult(CommitId, Summary);

namespace GitRegistry.Storage;

/// <summary>The outcome of a pull or push.</summary>
/// <param name="Changed">True when a branch moved.</param>
/// <param name="Summary">One line saying what happened.</param>
/// <param name="Commit">The branch tip afterwards.</param>
public sealed record SyncResult(bool Changed, string Summary, string? Commit);

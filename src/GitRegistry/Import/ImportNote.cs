namespace GitRegistry.Import;

/// <summary>One line of an import's report: what it concerns and what happened to it.</summary>
/// <param name="Where">The model, version or row it concerns, e.g. <c>churn version 3</c> or <c>row 7</c>.</param>
/// <param name="Message">What could not be mapped, or why it was skipped, and what was done instead.</param>
public sealed record ImportNote(string Where, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Where}: {Message}";
}

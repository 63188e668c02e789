namespace GitRegistry.Runtime.Manifests;

/// <summary>The preprocessing that produced the training features.</summary>
/// <param name="Version">Its version.</param>
/// <param name="CodeCommit">The git commit of its code.</param>
public sealed record PreprocessingInfo(string? Version, string? CodeCommit);

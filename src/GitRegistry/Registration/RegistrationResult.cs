using GitRegistry.Manifests;

namespace GitRegistry.Registration;

/// <summary>The outcome of a registration: the new version's manifest and its commit.</summary>
/// <param name="CommitId">The new commit.</param>
/// <param name="Summary">One line saying what happened.</param>
/// <param name="Manifest">The manifest written.</param>
public sealed record RegistrationResult(string CommitId, string Summary, ModelVersion Manifest) : WriteResult(CommitId, Summary);

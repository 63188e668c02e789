using GitRegistry.Manifests;

namespace GitRegistry.Locking;

/// <summary>One model after a restore: its lock entry, where its verified files are, and its signature.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Locked">The lock entry (request, version, registry commit, artifact).</param>
/// <param name="Status">How the version was decided.</param>
/// <param name="PreviousVersion">The version the lock held before, when it changed.</param>
/// <param name="ArtifactPath">The verified artifact in the cache, or null when artifacts were not fetched.</param>
/// <param name="ManifestPath">The manifest JSON written for the runtime, or null.</param>
/// <param name="Signature">The version's input and output columns, when known.</param>
public sealed record RestoredModel(
    string Name,
    LockedModel Locked,
    RestoreStatus Status,
    int? PreviousVersion,
    string? ArtifactPath,
    string? ManifestPath,
    ModelSignature? Signature);

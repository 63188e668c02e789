namespace GitRegistry.Stores;

/// <summary>Where a store put an artifact, and what its bytes hash to.</summary>
/// <param name="Uri">The URI to record in the manifest.</param>
/// <param name="Sha256">sha256 of the bytes, lowercase hex.</param>
/// <param name="Size">Size in bytes.</param>
public sealed record StoredArtifact(string Uri, string Sha256, long Size);

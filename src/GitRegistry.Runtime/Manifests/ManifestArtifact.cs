namespace GitRegistry.Runtime.Manifests;

/// <summary>The model file as the manifest records it.</summary>
/// <param name="Uri">Where the bytes are in the registry's artifact store.</param>
/// <param name="Sha256">sha256 of the bytes.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Format">onnx, mlnet, pickle, savedmodel or other.</param>
/// <param name="FileName">The artifact's file name.</param>
public sealed record ManifestArtifact(string Uri, string Sha256, long Size, string Format, string FileName);

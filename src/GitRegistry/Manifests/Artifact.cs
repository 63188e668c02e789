namespace GitRegistry.Manifests;

/// <summary>The model file of a version: where its bytes are and what they hash to.</summary>
public sealed class Artifact
{
    /// <summary>Where the bytes are, e.g. <c>cas://sha256/ab12...</c> for the registry's local content-addressed store.</summary>
    public required string Uri { get; init; }

    /// <summary>sha256 of the bytes, 64 lowercase hex characters.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The serialization format: onnx, mlnet, pickle, savedmodel or other.</summary>
    public required string Format { get; init; }

    /// <summary>The file name the artifact is fetched under.</summary>
    public required string FileName { get; init; }
}

namespace GitRegistry.Manifests;

/// <summary>The model file of a version: where its bytes are and what they hash to.</summary>
public sealed class Artifact
{
    /// <summary>
    /// The URI of an explicit placeholder: the version was imported without its model file (a spreadsheet row with
    /// no artifact, an MLflow artifact in a store this machine cannot read). Its sha256 is that of zero bytes and
    /// its size 0; fetching it fails with a message that says so.
    /// </summary>
    public const string NoneUri = "none:";

    /// <summary>sha256 of zero bytes, the hash a placeholder artifact records.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>True for the placeholder of a version imported without its model file.</summary>
    public bool IsPlaceholder() => Uri == NoneUri;

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

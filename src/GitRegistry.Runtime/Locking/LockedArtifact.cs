namespace GitRegistry.Locking;

/// <summary>The artifact of a locked version, as its manifest records it.</summary>
public sealed class LockedArtifact
{
    /// <summary>Where the bytes are in the registry's artifact store, e.g. <c>cas://sha256/ab12...</c>.</summary>
    public required string Uri { get; init; }

    /// <summary>sha256 of the bytes, 64 lowercase hex characters: every copy is checked against it.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The file name the artifact is copied under (<c>models/NAME/FILE</c> in the output).</summary>
    public required string FileName { get; init; }
}

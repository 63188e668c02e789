namespace GitRegistry.Stores;

/// <summary>A file in the local store that no manifest references.</summary>
/// <param name="Path">Its full path.</param>
/// <param name="Sha256">Its sha256 (its name), or null for a leftover temporary file.</param>
/// <param name="Size">Its size in bytes.</param>
public sealed record UnreferencedBlob(string Path, string? Sha256, long Size);

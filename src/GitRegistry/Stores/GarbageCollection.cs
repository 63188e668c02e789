namespace GitRegistry.Stores;

/// <summary>What <c>gitreg gc</c> found in the local store.</summary>
/// <param name="StoreRoot">The store's folder.</param>
/// <param name="Unreferenced">Blobs no manifest references, and leftovers of interrupted writes.</param>
/// <param name="ReferencedCount">How many distinct sha256 values the manifests reference.</param>
/// <param name="Removed">True when the unreferenced files were deleted (not a dry run).</param>
public sealed record GarbageCollection(string StoreRoot, IReadOnlyList<UnreferencedBlob> Unreferenced, int ReferencedCount, bool Removed)
{
    /// <summary>The bytes the unreferenced files take.</summary>
    public long Bytes => Unreferenced.Sum(blob => blob.Size);
}

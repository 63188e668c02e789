namespace GitRegistry.Stores;

/// <summary>
/// Holds the bytes of model artifacts; the registry holds only their URI and sha256. Every transfer streams and
/// hashes as it goes, so no artifact is ever held in memory, and transient failures are retried with backoff.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Copies a file into the store, hashing it while streaming; returns its URI, sha256 and size.</summary>
    StoredArtifact Put(string sourceFile, IProgress<long>? progress = null);

    /// <summary>
    /// Copies the artifact at <paramref name="uri"/> to <paramref name="destinationFile"/>, verifying its sha256 and size
    /// while streaming. Nothing is left at the destination unless the bytes match.
    /// </summary>
    void Fetch(string uri, string sha256, long size, string destinationFile, IProgress<long>? progress = null);

    /// <summary>Reads the artifact at <paramref name="uri"/> once, keeping nothing, and returns its sha256 and size.</summary>
    StoredArtifact Measure(string uri, IProgress<long>? progress = null);

    /// <summary>True when this store reads URIs of this form.</summary>
    bool CanRead(string uri);
}

namespace GitRegistry.Locking;

/// <summary>What a restore did.</summary>
/// <param name="LockPath">The lock file.</param>
/// <param name="LockWritten">True when the lock file was created or changed.</param>
/// <param name="RegistryContacted">True when the registry was opened (false: everything came from the lock and the cache).</param>
/// <param name="Models">The restored models, by name.</param>
/// <param name="Removed">Models the lock held that no request asks for any more (dropped from the lock).</param>
public sealed record RestoreResult(string LockPath, bool LockWritten, bool RegistryContacted, IReadOnlyList<RestoredModel> Models, IReadOnlyList<string> Removed);

namespace GitRegistry.Locking;

/// <summary>How a restore treats an existing lock (NuGet's restore modes).</summary>
public enum LockMode
{
    /// <summary>Use the locked version of every unchanged request without contacting the registry; resolve and lock new or changed requests.</summary>
    Default,

    /// <summary>Resolve every request and fail when the result differs from the lock (CI); never writes the lock.</summary>
    Locked,

    /// <summary>Resolve requests again and write what they resolve to now.</summary>
    Update,
}

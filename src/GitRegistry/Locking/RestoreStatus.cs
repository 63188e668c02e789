namespace GitRegistry.Locking;

/// <summary>How a model's version was decided in a restore.</summary>
public enum RestoreStatus
{
    /// <summary>Taken from the lock without asking the registry.</summary>
    Locked,

    /// <summary>Resolved in the registry and found equal to the lock (locked mode, or an update that changed nothing).</summary>
    Verified,

    /// <summary>Resolved in the registry for a request the lock did not hold; added to the lock.</summary>
    Added,

    /// <summary>Resolved in the registry to another version than the lock held; the lock was updated.</summary>
    Updated,
}

namespace GitRegistry.Trust;

/// <summary>What happened in one registry event, as read from a commit's diff.</summary>
public enum EventKind
{
    /// <summary>The registry was created.</summary>
    Initialized,
    /// <summary>A version was registered.</summary>
    Registered,
    /// <summary>A version moved to another stage.</summary>
    Transitioned,
    /// <summary>A version was moved to Archived because another version took its stage (archive-existing).</summary>
    ArchivedByPromotion,
    /// <summary>An alias was set or moved.</summary>
    AliasSet,
    /// <summary>An alias was removed.</summary>
    AliasDeleted,
    /// <summary>A description changed.</summary>
    Described,
    /// <summary>Tags changed.</summary>
    Tagged,
    /// <summary>An approval was recorded.</summary>
    Approved,
    /// <summary>A version was deleted.</summary>
    Deleted,
    /// <summary>registry.yaml or the allowed-signers file changed.</summary>
    Configured,
    /// <summary>A merge brought in a branch.</summary>
    Merged,
}

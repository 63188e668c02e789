namespace GitRegistry.Manifests;

/// <summary>The mutable state of one version, kept in model.yaml: its stage, description and tags.</summary>
public sealed class VersionState
{
    /// <summary>The current stage, one of the registry's stages (None, Staging, Production, Archived by default).</summary>
    public string Stage { get; set; } = StageName.None;

    /// <summary>The current description.</summary>
    public string? Description { get; set; }

    /// <summary>The current tags.</summary>
    public SortedDictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Set when the version has been deleted.</summary>
    public DeletionRecord? Deleted { get; set; }
}

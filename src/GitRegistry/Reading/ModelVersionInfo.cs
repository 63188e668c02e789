using GitRegistry.Manifests;

namespace GitRegistry.Reading;

/// <summary>A version as the registry sees it now: its immutable manifest plus its current state and aliases.</summary>
/// <param name="Manifest">The manifest written at registration.</param>
/// <param name="State">Current stage, description, tags and deletion mark from model.yaml.</param>
/// <param name="Aliases">Aliases pointing at this version.</param>
/// <param name="CommitId">The registry commit this was read at.</param>
public sealed record ModelVersionInfo(ModelVersion Manifest, VersionState State, IReadOnlyList<string> Aliases, string CommitId)
{
    /// <summary>The model's name.</summary>
    public string Name => Manifest.Name;

    /// <summary>The version number.</summary>
    public int Version => Manifest.Version;

    /// <summary>The current stage.</summary>
    public string Stage => State.Stage;

    /// <summary>The current description (model.yaml's, else the registration one).</summary>
    public string? Description => State.Description ?? Manifest.Description;

    /// <summary>True when the version has been deleted.</summary>
    public bool IsDeleted => State.Deleted is not null;
}

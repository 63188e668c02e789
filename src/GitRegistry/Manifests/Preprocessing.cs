namespace GitRegistry.Manifests;

/// <summary>Which preprocessing produced the features a version was trained on.</summary>
public sealed class Preprocessing
{
    /// <summary>The preprocessing version (a release number or a name).</summary>
    public string? Version { get; init; }

    /// <summary>The git commit of the preprocessing code.</summary>
    public string? CodeCommit { get; init; }
}

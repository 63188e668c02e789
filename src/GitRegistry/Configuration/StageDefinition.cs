namespace GitRegistry.Configuration;

/// <summary>One stage of the registry's lifecycle.</summary>
public sealed class StageDefinition
{
    /// <summary>The stage's name as written in model.yaml (matched case-insensitively in commands and URIs).</summary>
    public required string Name { get; init; }

    /// <summary>When true, at most one version of a model may be in this stage at a time.</summary>
    public bool? Exclusive { get; init; }

    /// <summary>What the stage means, for the registry's users.</summary>
    public string? Description { get; init; }
}

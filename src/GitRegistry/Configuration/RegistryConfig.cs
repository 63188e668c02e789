namespace GitRegistry.Configuration;

/// <summary>The registry's configuration, <c>registry.yaml</c>; its schema is <c>schema/registry.schema.json</c>.</summary>
public sealed class RegistryConfig
{
    /// <summary>The file's path in the registry.</summary>
    public const string FileName = "registry.yaml";

    /// <summary>The format version of the registry layout.</summary>
    public int Format { get; init; } = 1;

    /// <summary>The registry's name.</summary>
    public required string Name { get; init; }

    /// <summary>The branch that holds the registry's truth.</summary>
    public string MainBranch { get; init; } = "main";

    /// <summary>The lifecycle stages, in order. Must include None and Archived.</summary>
    public List<StageDefinition> Stages { get; init; } = DefaultStages();

    /// <summary>Where new artifacts go.</summary>
    public ArtifactStoreConfig ArtifactStore { get; init; } = new();

    /// <summary>Who may sign registry commits.</summary>
    public SignersConfig? Signers { get; init; }

    /// <summary>Groups of principals (e-mail addresses or patterns such as <c>*@example.com</c>) by name.</summary>
    public SortedDictionary<string, List<string>> Groups { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The rules changes must follow; null for a registry without a policy.</summary>
    public PolicyConfig? Policy { get; init; }

    /// <summary>MLflow's four stages; none exclusive, as in MLflow.</summary>
    public static List<StageDefinition> DefaultStages() =>
    [
        new() { Name = StageName.None, Description = "Registered, not yet in use." },
        new() { Name = "Staging", Description = "Under evaluation." },
        new() { Name = "Production", Description = "Serving live traffic." },
        new() { Name = StageName.Archived, Description = "Retired; kept for the record." },
    ];

    /// <summary>Finds a stage by name, case-insensitively; null when the registry has no such stage.</summary>
    public StageDefinition? FindStage(string name) =>
        Stages.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a stage by name or throws a not-found error listing the registry's stages.</summary>
    public StageDefinition GetStage(string name) =>
        FindStage(name) ?? throw new NotFoundException(
            $"the registry has no stage '{ModelName.Printable(name)}'",
            $"use one of: {string.Join(", ", Stages.Select(s => s.Name))} (stages are defined in {FileName})");
}

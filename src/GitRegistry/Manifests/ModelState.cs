namespace GitRegistry.Manifests;

/// <summary>
/// The mutable state of one model, <c>models/NAME/model.yaml</c>: description, tags, aliases and the stage of each
/// version. Every stage change is a small diff of this one file. Its schema is <c>schema/model.schema.json</c>.
/// </summary>
public sealed class ModelState
{
    /// <summary>The model's name; equals its folder name.</summary>
    public required string Name { get; init; }

    /// <summary>The model's description.</summary>
    public string? Description { get; set; }

    /// <summary>The model's tags.</summary>
    public SortedDictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Aliases and the version each points at: <c>{champion: 7}</c>.</summary>
    public SortedDictionary<string, int> Aliases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The state of every version ever registered, by version number.</summary>
    public SortedDictionary<int, VersionState> Versions { get; set; } = [];

    /// <summary>Set when the model was imported from another registry: where from, and what the source recorded about the model beyond these fields.</summary>
    public ImportRecord? Imported { get; set; }
}

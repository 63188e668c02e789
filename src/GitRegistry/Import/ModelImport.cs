using GitRegistry.Manifests;

namespace GitRegistry.Import;

/// <summary>One model as a source holds it, already in the registry's terms: what an import writes when the model is new.</summary>
internal sealed class ModelImport
{
    /// <summary>The model's name in the registry.</summary>
    public required string Name { get; init; }

    /// <summary>The model's name in the source.</summary>
    public required string SourceName { get; init; }

    /// <summary>The model's description (written only when the import creates the model).</summary>
    public string? Description { get; init; }

    /// <summary>The model's tags (written only when the import creates the model).</summary>
    public SortedDictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Where the model came from (written only when the import creates the model).</summary>
    public ImportRecord? Record { get; init; }

    /// <summary>Every version the source holds that can be imported, in any order.</summary>
    public List<VersionImport> Versions { get; } = [];

    /// <summary>Aliases in the source, by alias, to the version they point at.</summary>
    public SortedDictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);
}

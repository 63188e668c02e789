namespace GitRegistry.Import;

/// <summary>What an import did to one model.</summary>
public sealed class ImportedModelReport
{
    /// <summary>The model's name in the registry.</summary>
    public required string Name { get; init; }

    /// <summary>The model's name in the source (an MLflow registered model's name may differ from a valid registry name).</summary>
    public required string SourceName { get; init; }

    /// <summary>True when the import created the model.</summary>
    public bool Created { get; set; }

    /// <summary>The versions written (or, in a dry run, that would be), lowest first.</summary>
    public List<ImportedVersionReport> Imported { get; } = [];

    /// <summary>Versions an earlier import already brought in, left as they are.</summary>
    public List<int> AlreadyImported { get; } = [];

    /// <summary>The commits written, oldest first.</summary>
    public List<string> Commits { get; } = [];
}

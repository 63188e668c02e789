using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = Microsoft.Build.Utilities.Task;

namespace GitRegistry.Build;

/// <summary>
/// Reads the last restore's result into items: the files to copy under <c>models/</c> and the cached artifacts (inputs of
/// the next restore, so an altered cache entry makes the restore run and fail). Cheap, no registry access: it runs in
/// every build and in design-time builds.
/// </summary>
public sealed class ReadRestoredModels : Task
{
    /// <summary>The restore's result file.</summary>
    [Required]
    public string ResultFile { get; set; } = "";

    /// <summary>Artifacts and manifests, each with TargetPath and Link <c>models/NAME/FILE</c>.</summary>
    [Output]
    public ITaskItem[] Files { get; private set; } = [];

    /// <summary>The cached artifacts the restore verified.</summary>
    [Output]
    public ITaskItem[] CachedArtifacts { get; private set; } = [];

    /// <summary>The generated catalog, when there is one.</summary>
    [Output]
    public string? CatalogFile { get; private set; }

    /// <inheritdoc/>
    public override bool Execute()
    {
        if (RestoredModelsFile.Read(ResultFile) is not { } restored)
        {
            return true;
        }
        var files = new List<ITaskItem>();
        foreach (var model in restored.Models)
        {
            files.Add(File(model.ArtifactPath, model.Folder + model.FileName, model));
            files.Add(File(model.ManifestPath, model.Folder + "manifest.json", model));
        }
        Files = [.. files];
        CachedArtifacts = [.. restored.Models.Select(m => new TaskItem(m.ArtifactPath))];
        CatalogFile = restored.CatalogPath is { } catalog && System.IO.File.Exists(catalog) ? catalog : null;
        return true;
    }

    private static TaskItem File(string source, string targetPath, RestoredModelsFile.Entry model)
    {
        var item = new TaskItem(source);
        item.SetMetadata("Link", targetPath);
        item.SetMetadata("TargetPath", targetPath);
        item.SetMetadata("ModelName", model.Name);
        item.SetMetadata("ModelVersion", model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        item.SetMetadata("Sha256", model.Sha256);
        return item;
    }
}

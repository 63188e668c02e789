using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace GitRegistry.Build.Tests;

/// <summary>
/// Runs the RestoreModels task for a project folder the way the targets do, with gitreg.dll
/// from the test's output and the hermetic user's HOME and git config passed to it.
/// </summary>
public sealed class TaskRun(ServingRegistry registry)
{
    public string ProjectDirectory { get; } = registry.User.PathOf("project");

    public string Intermediate => Path.Combine(ProjectDirectory, "obj", "gitregistry");

    public string LockFile => Path.Combine(ProjectDirectory, "models.lock.json");

    public string CatalogFile => Path.Combine(Intermediate, "ModelCatalog.g.cs");

    public string ResultFile => Path.Combine(Intermediate, "restore.txt");

    public string CacheRoot => registry.User.PathOf("cache");

    public static ITaskItem Reference(string name, string? stage = null, string? version = null, string? alias = null)
    {
        var item = new TaskItem(name);
        if (stage is not null) { item.SetMetadata("Stage", stage); }
        if (version is not null) { item.SetMetadata("Version", version); }
        if (alias is not null) { item.SetMetadata("Alias", alias); }
        return item;
    }

    public (bool Succeeded, RecordingBuildEngine Log) Restore(ITaskItem[] references, bool lockedMode = false, bool updateLock = false, string? registryUrl = null, string? artifactStore = null)
    {
        Directory.CreateDirectory(ProjectDirectory);
        var engine = new RecordingBuildEngine();
        var task = new RestoreModels
        {
            BuildEngine = engine,
            ModelReferences = references,
            RegistryUrl = registryUrl ?? registry.Path,
            ProjectDirectory = ProjectDirectory,
            ProjectFile = Path.Combine(ProjectDirectory, "Serving.csproj"),
            LockFile = LockFile,
            LockedMode = lockedMode,
            UpdateLock = updateLock,
            CacheRoot = CacheRoot,
            ArtifactStore = artifactStore,
            IntermediateDirectory = Intermediate,
            ResultFile = ResultFile,
            CatalogFile = CatalogFile,
            CatalogNamespace = "Serving",
            CatalogClass = "ModelCatalog",
            EnvironmentVariables =
            [
                $"HOME={registry.User.Home}",
                $"GIT_CONFIG_GLOBAL={registry.User.GlobalConfig}",
                "GIT_CONFIG_NOSYSTEM=1",
            ],
            DotnetHost = "dotnet",
            ToolPath = Path.Combine(AppContext.BaseDirectory, "gitreg.dll"),
        };
        return (task.Execute(), engine);
    }

    /// <summary>What the collect target reads from restore.txt: target path under the output, and source file.</summary>
    public Dictionary<string, string> Restored() =>
        File.ReadAllLines(ResultFile).Select(line => line.Split('\t')).ToDictionary(parts => parts[0], parts => parts[1]);

    /// <summary>The artifact file the build copies to models/churn_predictor/model.onnx (in the cache).</summary>
    public string CachedArtifact => Restored()["models/churn_predictor/model.onnx"];
}

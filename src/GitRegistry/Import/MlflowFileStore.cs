namespace GitRegistry.Import;

/// <summary>
/// Reads MLflow's file store (what <c>mlflow server --backend-store-uri ./mlruns</c> or the default tracking URI
/// writes) the way MLflow's own FileStore does: registered models under <c>models/NAME/</c> (meta.yaml, tags/,
/// aliases/, version-N/ with meta.yaml and tags/), experiments as numbered folders (and <c>.trash/</c> for deleted
/// ones) holding runs with meta.yaml, params/, metrics/, tags/ and artifacts/, and MLflow 3's logged models under
/// <c>EXPERIMENT/models/MODEL_ID/</c>. Tag, param and metric keys containing '/' are nested folders.
/// </summary>
internal sealed class MlflowFileStore
{
    public const string ModelsFolder = "models";
    public const string Meta = "meta.yaml";
    private const string Trash = ".trash";
    private Dictionary<string, string>? _runs;

    private MlflowFileStore(string root) => Root = root;

    /// <summary>The store's folder (holding models/ and the experiments).</summary>
    public string Root { get; }

    /// <summary>Opens the store at <paramref name="path"/> (a folder, or a <c>file:</c> URI as MLflow prints them).</summary>
    public static MlflowFileStore Open(string path)
    {
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(path, UriKind.Absolute, out var uri))
        {
            path = uri.LocalPath;
        }
        var root = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(root))
        {
            throw new RegistryException(ErrorKind.NotFound, $"'{root}' does not exist", "pass the folder of MLflow's file store, e.g. ./mlruns");
        }
        if (!Directory.Exists(System.IO.Path.Combine(root, ModelsFolder)))
        {
            throw new RegistryException(ErrorKind.NotFound, $"'{root}' holds no MLflow model registry ({ModelsFolder}/ is missing)",
                "pass the folder MLflow's file store writes, the one holding models/ next to the experiment folders (0/, 1/, ...)");
        }
        return new MlflowFileStore(root);
    }

    /// <summary>The folders of the registered models, sorted.</summary>
    public IReadOnlyList<string> ModelFolders() =>
        Directory.EnumerateDirectories(System.IO.Path.Combine(Root, ModelsFolder))
            .Where(d => File.Exists(System.IO.Path.Combine(d, Meta)))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads one registered model with its tags, aliases and versions.</summary>
    public MlflowRegisteredModel ReadModel(string folder)
    {
        var versions = Directory.EnumerateDirectories(folder, "version-*")
            .Where(d => File.Exists(System.IO.Path.Combine(d, Meta)))
            .Select(d => new MlflowModelVersion(d, MlflowMeta.Read(System.IO.Path.Combine(d, Meta)), Files(System.IO.Path.Combine(d, "tags"))))
            .ToList();
        return new MlflowRegisteredModel(folder, MlflowMeta.Read(System.IO.Path.Combine(folder, Meta)),
            Files(System.IO.Path.Combine(folder, "tags")), Files(System.IO.Path.Combine(folder, "aliases")), versions);
    }

    /// <summary>The run with this id (in any experiment, deleted ones included), or null.</summary>
    public MlflowRun? FindRun(string runId)
    {
        _runs ??= IndexRuns();
        if (!_runs.TryGetValue(runId, out var folder))
        {
            return null;
        }
        return new MlflowRun(folder, MlflowMeta.Read(System.IO.Path.Combine(folder, Meta)),
            Files(System.IO.Path.Combine(folder, "params")), LatestMetrics(System.IO.Path.Combine(folder, "metrics")), Files(System.IO.Path.Combine(folder, "tags")));
    }

    /// <summary>The artifacts folder of an MLflow 3 logged model (<c>EXPERIMENT/models/MODEL_ID/artifacts</c>), or null.</summary>
    public string? LoggedModelArtifacts(string modelId)
    {
        foreach (var experiment in Experiments())
        {
            var candidate = System.IO.Path.Combine(experiment, ModelsFolder, modelId, "artifacts");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The experiment folders, active and deleted.</summary>
    public IEnumerable<string> Experiments()
    {
        var trash = System.IO.Path.Combine(Root, Trash);
        var active = Directory.EnumerateDirectories(Root).Where(d => System.IO.Path.GetFileName(d) is not (ModelsFolder or Trash));
        var deleted = Directory.Exists(trash) ? Directory.EnumerateDirectories(trash) : [];
        return active.Concat(deleted).Where(d => File.Exists(System.IO.Path.Combine(d, Meta)));
    }

    private Dictionary<string, string> IndexRuns()
    {
        var runs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var experiment in Experiments())
        {
            foreach (var run in Directory.EnumerateDirectories(experiment))
            {
                if (File.Exists(System.IO.Path.Combine(run, Meta)))
                {
                    runs.TryAdd(System.IO.Path.GetFileName(run), run);
                }
            }
        }
        return runs;
    }

    /// <summary>Every file under a folder, by its path relative to it with '/' (a key with '/' is a nested folder), to its exact content.</summary>
    public static SortedDictionary<string, string> Files(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return files;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var key = System.IO.Path.GetRelativePath(folder, file).Replace(System.IO.Path.DirectorySeparatorChar, '/');
            files[key] = File.ReadAllText(file);
        }
        return files;
    }

    /// <summary>
    /// Each metric's latest value, as MLflow's FileStore picks it: the line with the highest step, then the highest
    /// timestamp (then the highest value). A line is <c>timestamp value [step]</c>; a file with a malformed line is
    /// returned as an error text instead.
    /// </summary>
    public static SortedDictionary<string, MlflowMetric> LatestMetrics(string folder)
    {
        var metrics = new SortedDictionary<string, MlflowMetric>(StringComparer.Ordinal);
        foreach (var (key, content) in Files(folder))
        {
            MlflowMetric? latest = null;
            string? error = null;
            var number = 0;
            foreach (var line in content.Split('\n'))
            {
                number++;
                var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0)
                {
                    continue;
                }
                if (parts.Length is not (2 or 3)
                    || !long.TryParse(parts[0], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var timestamp)
                    || !MlflowMetric.TryParseValue(parts[1], out var value)
                    || (parts.Length == 3 && !long.TryParse(parts[2], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _)))
                {
                    error = $"line {number} is not 'timestamp value step': '{line.Trim()}'";
                    break;
                }
                var step = parts.Length == 3 ? long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
                var candidate = new MlflowMetric(parts[1], value, timestamp, step, null);
                if (latest is null || (step, timestamp, value).CompareTo((latest.Step, latest.Timestamp, latest.Value)) > 0)
                {
                    latest = candidate;
                }
            }
            metrics[key] = error is not null || latest is null
                ? new MlflowMetric("", double.NaN, 0, 0, error ?? "the file holds no value")
                : latest;
        }
        return metrics;
    }
}

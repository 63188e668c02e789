using System.Text.Json;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = Microsoft.Build.Utilities.Task;

namespace GitRegistry.Build;

/// <summary>
/// Pins every <c>ModelReference</c> in <c>models.lock.json</c>, fetches and checks its artifact into the per-user cache,
/// writes the manifests the runtime reads and the typed catalog. The work is done by <c>gitreg lock restore</c> out of
/// process; this task turns ModelReference items into its arguments and its JSON into MSBuild messages and errors.
/// </summary>
public sealed class RestoreModels : Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The ModelReference items: Include is the model name; metadata Stage, Version or Alias (exactly one).</summary>
    [Required]
    public ITaskItem[] ModelReferences { get; set; } = [];

    /// <summary>GitRegistryUrl: a local clone, a bare repository path (relative to the project) or a git remote URL.</summary>
    public string? RegistryUrl { get; set; }

    /// <summary>The project's folder (relative registry paths are relative to it).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The project file, for error locations.</summary>
    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>The lock file.</summary>
    [Required]
    public string LockFile { get; set; } = "";

    /// <summary>Fail when the registry gives other versions than the lock (CI).</summary>
    public bool LockedMode { get; set; }

    /// <summary>Resolve every reference again and rewrite the lock.</summary>
    public bool UpdateLock { get; set; }

    /// <summary>The per-user cache folder; empty for gitreg's default (GITREG_CACHE, else ~/.gitregistry/cache).</summary>
    public string? CacheRoot { get; set; }

    /// <summary>The registry's artifact store folder, when it is not the registry's own (e.g. for a remote registry).</summary>
    public string? ArtifactStore { get; set; }

    /// <summary>obj/.../gitregistry/: manifests for the runtime go to its models/ folder.</summary>
    [Required]
    public string IntermediateDirectory { get; set; } = "";

    /// <summary>
    /// The restore's result and the restore target's output: one line per file to copy, <c>TARGETPATH&lt;tab&gt;SOURCE</c>,
    /// read back with the built-in ReadLinesFromFile so that a no-op build loads no task assembly of ours.
    /// </summary>
    [Required]
    public string ResultFile { get; set; } = "";

    /// <summary>The generated C# catalog.</summary>
    [Required]
    public string CatalogFile { get; set; } = "";

    /// <summary>The catalog's namespace.</summary>
    [Required]
    public string CatalogNamespace { get; set; } = "";

    /// <summary>The catalog's class name.</summary>
    [Required]
    public string CatalogClass { get; set; } = "";

    /// <summary>Extra environment variables for gitreg, <c>NAME=value</c> each (MSBuild's ToolTask convention).</summary>
    public string[] EnvironmentVariables { get; set; } = [];

    /// <summary>The dotnet host that runs gitreg (DOTNET_HOST_PATH).</summary>
    [Required]
    public string DotnetHost { get; set; } = "";

    /// <summary>gitreg.dll inside the package.</summary>
    [Required]
    public string ToolPath { get; set; } = "";

    /// <inheritdoc/>
    public void Cancel() => _cancel.Cancel();

    /// <inheritdoc/>
    public override bool Execute()
    {
        if (string.IsNullOrWhiteSpace(RegistryUrl))
        {
            Error(BuildCodes.NoRegistry, ProjectFile, "the project has ModelReference items but no GitRegistryUrl",
                "set <GitRegistryUrl> in a PropertyGroup to the registry: a local clone, a bare repository path, or a git URL (https, ssh or file)");
            return false;
        }
        if (LockedMode && UpdateLock)
        {
            Error(BuildCodes.ContradictoryModes, ProjectFile, "GitRegistryUpdateLock=true and GitRegistryLockedMode=true contradict each other (CI sets locked mode by default)",
                "update the lock outside CI, or pass -p:GitRegistryLockedMode=false together with -p:GitRegistryUpdateLock=true");
            return false;
        }
        var requests = new List<string>();
        foreach (var reference in ModelReferences)
        {
            if (Request(reference) is not { } request)
            {
                return false;
            }
            requests.Add(request);
        }

        List<string> arguments = ["--json", "--registry", RegistryUrl!, "lock", "restore", "--lock", LockFile, "--manifests", Path.Combine(IntermediateDirectory, "models")];
        foreach (var request in requests)
        {
            arguments.Add("--model");
            arguments.Add(request);
        }
        if (LockedMode)
        {
            arguments.Add("--locked");
        }
        if (UpdateLock)
        {
            arguments.Add("--update");
        }
        if (!string.IsNullOrEmpty(CacheRoot))
        {
            arguments.AddRange(["--cache", CacheRoot!]);
        }
        var environment = new Dictionary<string, string>();
        foreach (var variable in EnvironmentVariables)
        {
            var equals = variable.IndexOf('=');
            if (equals > 0)
            {
                environment[variable[..equals]] = variable[(equals + 1)..];
            }
        }
        if (!string.IsNullOrEmpty(ArtifactStore))
        {
            environment["GITREG_ARTIFACT_STORE"] = Path.GetFullPath(Path.Combine(ProjectDirectory, ArtifactStore!));
        }

        Log.LogMessage(MessageImportance.Low, $"GitRegistry: {DotnetHost} {ToolPath} {string.Join(" ", arguments)}");
        GitRegTool.Result result;
        try
        {
            result = new GitRegTool(DotnetHost, ToolPath).Run(arguments, ProjectDirectory, environment, _cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Error(BuildCodes.ToolFailed, ProjectFile, $"gitreg could not be started ({DotnetHost} {ToolPath}): {e.Message}", "check that the GitRegistry.Build package is restored and DOTNET_HOST_PATH points at dotnet");
            return false;
        }
        if (result.ExitCode != 0)
        {
            ReportFailure(result);
            return false;
        }
        return Complete(result.StandardOutput);
    }

    private string? Request(ITaskItem reference)
    {
        var name = reference.ItemSpec;
        var given = new[] { ("Stage", "/"), ("Version", "/"), ("Alias", "@") }
            .Select(m => (m.Item1, m.Item2, Value: reference.GetMetadata(m.Item1).Trim()))
            .Where(m => m.Value.Length > 0)
            .ToList();
        if (given.Count != 1)
        {
            Error(BuildCodes.InvalidReference, ProjectFile,
                given.Count == 0 ? $"ModelReference '{name}' names no Stage, Version or Alias" : $"ModelReference '{name}' names {string.Join(" and ", given.Select(g => g.Item1))}; it may name only one",
                $"write <ModelReference Include=\"{name}\" Stage=\"Production\" />, or Version=\"7\", or Alias=\"champion\"");
            return null;
        }
        var (kind, separator, value) = given[0];
        // Without these checks Version="abc" would read as a stage and Stage="7" as a version.
        var misread = kind switch
        {
            "Version" => !value.All(char.IsAsciiDigit) ? "a version is a number" : null,
            "Stage" => !char.IsAsciiLetter(value[0]) ? "a stage name starts with a letter" : null,
            _ => null,
        };
        if (misread is not null)
        {
            Error(BuildCodes.InvalidReference, ProjectFile, $"ModelReference '{name}' has {kind}=\"{value}\": {misread}",
                $"write <ModelReference Include=\"{name}\" Stage=\"Production\" />, or Version=\"7\", or Alias=\"champion\"");
            return null;
        }
        return $"models:/{name}{separator}{value}";
    }

    private void ReportFailure(GitRegTool.Result result)
    {
        var file = File.Exists(LockFile) ? LockFile : ProjectFile;
        try
        {
            using var document = JsonDocument.Parse(result.StandardError);
            var error = document.RootElement.GetProperty("error");
            var code = error.TryGetProperty("code", out var c) ? c.GetString()! : error.GetProperty("kind").GetString() switch
            {
                "NotFound" => "GR1005",
                "Repository" or "IO" => "GR1006",
                _ => BuildCodes.ToolFailed,
            };
            var fix = error.TryGetProperty("fix", out var f) ? f.GetString() : null;
            Error(code, file, error.GetProperty("message").GetString()!, fix ?? "run the build with -v:detailed and read gitreg's output");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Error(BuildCodes.ToolFailed, file, $"gitreg exited with {result.ExitCode}: {result.StandardError.Trim()}{result.StandardOutput.Trim()}",
                "run the build with -v:detailed and report gitreg's output");
        }
    }

    private bool Complete(string output)
    {
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        var models = new List<ModelCatalogSource.Model>();
        var files = new List<string>();
        foreach (var model in root.GetProperty("models").EnumerateArray())
        {
            var name = model.GetProperty("name").GetString()!;
            var version = model.GetProperty("version").GetInt32();
            var request = model.GetProperty("request").GetString()!;
            var status = model.GetProperty("status").GetString();
            var artifact = model.GetProperty("artifact");
            var sha256 = artifact.GetProperty("sha256").GetString()!;
            var fileName = artifact.GetProperty("file_name").GetString()!;
            var previous = model.GetProperty("previous_version");
            var note = status switch
            {
                "added" => ", added to the lock",
                "updated" => $", was {previous.GetInt32()}",
                "verified" => ", checked against the registry",
                _ => ", from the lock",
            };
            Log.LogMessage(MessageImportance.High, $"GitRegistry: {name} -> version {version} ({request}{note})");
            // A tab cannot occur in a model name or an artifact file name (the schemas forbid control characters).
            files.Add($"models/{name}/{fileName}\t{model.GetProperty("artifact_path").GetString()}");
            files.Add($"models/{name}/manifest.json\t{model.GetProperty("manifest_path").GetString()}");
            var signature = model.GetProperty("signature");
            var stage = model.GetProperty("requested_stage");
            models.Add(new ModelCatalogSource.Model(name, version, request, stage.ValueKind == JsonValueKind.String ? stage.GetString() : null, sha256, model.GetProperty("registry_commit").GetString()!,
                $"models/{name}/{fileName}", Columns(signature, "inputs"), Columns(signature, "outputs")));
        }
        foreach (var removed in root.GetProperty("removed").EnumerateArray())
        {
            Log.LogMessage(MessageImportance.High, $"GitRegistry: {removed.GetString()} is no longer referenced; removed from the lock");
        }
        if (root.GetProperty("lock_written").GetBoolean())
        {
            Log.LogMessage(MessageImportance.High, $"GitRegistry: wrote {LockFile}; commit it so every build serves the same models");
        }

        var source = ModelCatalogSource.Generate(CatalogNamespace, CatalogClass, models);
        if (!File.Exists(CatalogFile) || File.ReadAllText(CatalogFile) != source)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CatalogFile)!);
            File.WriteAllText(CatalogFile, source);
        }
        // Always written: its new timestamp is what marks the restore up to date.
        Directory.CreateDirectory(Path.GetDirectoryName(ResultFile)!);
        File.WriteAllLines(ResultFile, files);
        return !Log.HasLoggedErrors;
    }

    private static List<ModelCatalogSource.Column> Columns(JsonElement signature, string kind) =>
        signature.ValueKind == JsonValueKind.Object && signature.TryGetProperty(kind, out var columns)
            ? columns.EnumerateArray().Select(c => new ModelCatalogSource.Column(c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!)).ToList()
            : [];

    private void Error(string code, string file, string message, string fix) =>
        Log.LogError("GitRegistry", code, code, file, 0, 0, 0, 0, $"{message}. Fix: {fix}");
}

using System.Globalization;
using GitRegistry.Manifests;

namespace GitRegistry.Import;

/// <summary>
/// Maps MLflow's registered models, versions and runs to what the registry writes (docs/import.md has the table):
/// version numbers, stages, aliases, tags and descriptions as they are; creation times from milliseconds; the run's
/// params and latest metrics split by their prefixes and suffixes; the artifact folder or file; everything MLflow
/// recorded that has no field here kept in the manifest's <c>imported.fields</c>. Every name made valid, every
/// value kept aside and every version left out is added to the report.
/// </summary>
internal sealed class MlflowMapping(MlflowFileStore store, MlflowImportOptions options, ImportReport report)
{
    private const string DeletedStage = "Deleted_Internal";
    private const string Ready = "READY";

    /// <summary>The MLflow meta.yaml keys of a version that have a field of their own in the manifest or model.yaml.</summary>
    private static readonly HashSet<string> MappedVersionKeys = ["name", "version", "creation_timestamp", "description", "run_id", "user_id", "aliases", "tags"];

    /// <summary>The keys of a registered model's meta.yaml with a field of their own; its aliases copy is stale (aliases/ is the truth).</summary>
    private static readonly HashSet<string> MappedModelKeys = ["name", "description", "aliases", "tags", "latest_versions"];

    public List<ModelImport> Map()
    {
        var selection = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in options.Models)
        {
            var equals = entry.LastIndexOf('=');
            var (source, target) = equals > 0 ? (entry[..equals], entry[(equals + 1)..]) : (entry, null);
            if (target is not null)
            {
                ModelName.Validate(target);
            }
            selection[source] = target;
        }

        var models = new List<ModelImport>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<string>();
        foreach (var folder in store.ModelFolders())
        {
            var registered = store.ReadModel(folder);
            var sourceName = registered.Meta.Text("name") ?? Path.GetFileName(folder);
            all.Add(sourceName);
            if (selection.Count > 0 && !selection.ContainsKey(sourceName))
            {
                continue;
            }
            found.Add(sourceName);
            var name = selection.GetValueOrDefault(sourceName) ?? ImportedValues.ModelName(sourceName);
            if (names.TryGetValue(name, out var other))
            {
                report.Skipped.Add(new(sourceName, $"its registry name {name} is already taken by the MLflow model '{other}'; not imported (choose a name with --model '{sourceName}={name}-2')"));
                continue;
            }
            names[name] = sourceName;
            if (name != sourceName && selection.GetValueOrDefault(sourceName) is null)
            {
                report.Unmapped.Add(new(sourceName, $"'{sourceName}' is not a valid registry name; imported as {name} (choose another with --model '{sourceName}=NAME')"));
            }
            models.Add(MapModel(registered, sourceName, name));
        }
        var missing = selection.Keys.Where(s => !found.Contains(s)).ToList();
        if (missing.Count > 0)
        {
            throw new NotFoundException($"the MLflow store {store.Root} has no registered model named {string.Join(", ", missing.Select(m => $"'{m}'"))}",
                all.Count == 0 ? "it has no registered models" : $"its models: {string.Join(", ", all.Take(30))}");
        }
        return models;
    }

    private ModelImport MapModel(MlflowRegisteredModel registered, string sourceName, string name)
    {
        var folder = Path.GetFileName(registered.Folder);
        var fields = Fields(registered.Meta, MappedModelKeys, "");
        var tags = Tags(registered.Tags, fields, name);
        var model = new ModelImport
        {
            Name = name,
            SourceName = sourceName,
            Description = NonEmpty(registered.Meta.Text("description")),
            Tags = tags,
            Record = new ImportRecord { From = "mlflow", Location = store.Root, Record = $"{MlflowFileStore.ModelsFolder}/{folder}", Fields = fields },
        };
        foreach (var version in registered.Versions.OrderBy(v => VersionNumber(v) ?? int.MaxValue))
        {
            if (MapVersion(version, name, folder) is { } mapped)
            {
                model.Versions.Add(mapped);
            }
        }
        foreach (var (alias, target) in registered.Aliases)
        {
            var valid = ImportedValues.Alias(alias);
            if (!int.TryParse(target.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                report.Unmapped.Add(new($"{name}@{alias}", $"the alias file holds '{target.Trim()}', not a version number; not imported"));
            }
            else if (valid is null)
            {
                report.Unmapped.Add(new($"{name}@{alias}", $"'{alias}' is not a valid alias here ({ModelName.Rule}; not 'latest' or 'v<digits>'); not imported"));
            }
            else
            {
                if (valid != alias)
                {
                    report.Unmapped.Add(new($"{name}@{alias}", $"imported as @{valid} (aliases are lowercase here)"));
                }
                model.Aliases[valid] = version;
            }
        }
        return model;
    }

    private static int? VersionNumber(MlflowModelVersion version)
    {
        if (version.Meta.Integer("version") is { } number and > 0 and <= 999_999_999)
        {
            return (int)number;
        }
        var folder = Path.GetFileName(version.Folder);
        return int.TryParse(folder["version-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : null;
    }

    private VersionImport? MapVersion(MlflowModelVersion source, string name, string modelFolder)
    {
        var meta = source.Meta;
        var folder = Path.GetFileName(source.Folder);
        if (VersionNumber(source) is not { } number)
        {
            report.Skipped.Add(new($"{name} {folder}", "has no valid version number; not imported"));
            return null;
        }
        var where = $"{name} version {number}";
        var status = meta.Text("status") ?? Ready;
        if (!status.Equals(Ready, StringComparison.OrdinalIgnoreCase))
        {
            var why = NonEmpty(meta.Text("status_message")) is { } message ? $" ({message})" : "";
            report.Skipped.Add(new(where, $"MLflow's status is {status}{why}: it never became a usable version; not imported"));
            return null;
        }
        var stage = meta.Text("current_stage") ?? StageName.None;
        var deleted = stage.Equals(DeletedStage, StringComparison.OrdinalIgnoreCase);
        if (deleted && options.SkipDeleted)
        {
            report.Skipped.Add(new(where, $"deleted in MLflow ({DeletedStage}); skipped as asked"));
            return null;
        }
        var created = meta.Integer("creation_timestamp") ?? meta.Integer("last_updated_timestamp");
        if (created is null)
        {
            report.Skipped.Add(new(where, "has no creation_timestamp; not imported"));
            return null;
        }

        var fields = Fields(meta, MappedVersionKeys, "");
        var tags = Tags(source.Tags, fields, where);
        var runId = NonEmpty(meta.Text("run_id"));
        var run = runId is null ? null : store.FindRun(runId);
        if (runId is not null && run is null)
        {
            report.Unmapped.Add(new(where, $"its run {runId} is not in this store: its params and metrics are not imported"));
        }
        var parameters = new SortedDictionary<string, object>(StringComparer.Ordinal);
        var metrics = new SortedDictionary<string, SortedDictionary<string, double>>(StringComparer.Ordinal);
        string? codeCommit = null;
        if (run is not null)
        {
            foreach (var (key, value) in run.Params)
            {
                parameters[key] = ImportedValues.Param(value);
            }
            MapMetrics(run, metrics, fields, where);
            if (run.Tags.TryGetValue("mlflow.source.git.commit", out var commit))
            {
                codeCommit = ImportedValues.CommitId(commit);
                if (codeCommit is null)
                {
                    report.Unmapped.Add(new(where, $"the run's mlflow.source.git.commit '{commit}' is not a git commit id; kept in imported.fields"));
                }
            }
            foreach (var key in run.Meta.Keys.Where(k => k is not ("run_id" or "run_uuid" or "tags")))
            {
                if (run.Meta.AsText(key) is { } value)
                {
                    fields[$"run.{key}"] = value;
                }
            }
            if (MlflowMeta.Read(Path.Combine(Path.GetDirectoryName(run.Folder)!, MlflowFileStore.Meta)).Text("name") is { } experiment)
            {
                fields["run.experiment_name"] = experiment;
            }
            foreach (var (key, value) in run.Tags)
            {
                fields[$"run.tags.{key}"] = value;
            }
        }

        var artifact = ResolveArtifact(meta, out var missing);
        string? dependencies = null;
        ModelSignature? signature = null;
        if (artifact is not null && Directory.Exists(artifact))
        {
            dependencies = new[] { "requirements.txt", "conda.yaml", "python_env.yaml" }.Select(f => Path.Combine(artifact, f)).FirstOrDefault(File.Exists);
            var mlmodel = Path.Combine(artifact, "MLmodel");
            if (File.Exists(mlmodel))
            {
                signature = MlflowSignature.Read(mlmodel, fields, out var problem);
                if (problem is not null)
                {
                    report.Unmapped.Add(new(where, $"its MLmodel signature is not mapped ({problem}); it stays in the archived MLmodel"));
                }
            }
        }
        var updated = meta.Integer("last_updated_timestamp") ?? created.Value;
        var runLink = NonEmpty(meta.Text("run_link"));
        return new VersionImport
        {
            Version = number,
            Where = where,
            CreatedAt = ImportedValues.Timestamp(created.Value),
            Description = Description(meta.Text("description"), fields, where),
            Params = parameters,
            Metrics = metrics,
            CodeCommit = codeCommit,
            Signature = signature,
            Tags = tags,
            Run = runId is null ? null : new RunInfo { Id = runId, Uri = runLink },
            Record = new ImportRecord
            {
                From = "mlflow",
                Location = store.Root,
                Record = $"{MlflowFileStore.ModelsFolder}/{modelFolder}/{folder}",
                Author = NonEmpty(meta.Text("user_id")),
                Fields = fields,
            },
            Stage = deleted ? StageName.None : stage,
            Deleted = deleted ? (ImportedValues.Timestamp(updated), $"deleted in MLflow (current_stage {DeletedStage})") : null,
            ArtifactPath = artifact,
            MissingArtifact = missing,
            DependenciesPath = dependencies,
        };
    }

    private void MapMetrics(MlflowRun run, SortedDictionary<string, SortedDictionary<string, double>> metrics, SortedDictionary<string, string> fields, string where)
    {
        var sources = new Dictionary<(string, string), string>();
        foreach (var (key, metric) in run.Metrics)
        {
            if (metric.Error is not null)
            {
                report.Unmapped.Add(new(where, $"the metric file {key} cannot be read ({metric.Error}); not imported"));
                continue;
            }
            if (!double.IsFinite(metric.Value))
            {
                fields[$"metrics.{key}"] = metric.Text;
                report.Unmapped.Add(new(where, $"the metric {key} is {metric.Text}, which registry files cannot hold as a number; kept in imported.fields"));
                continue;
            }
            var (split, rest) = MetricSplits.Map(key, options.DefaultSplit);
            var name = ImportedValues.MetricName(rest);
            if (sources.TryGetValue((split, name), out var first))
            {
                fields[$"metrics.{key}"] = metric.Text;
                report.Unmapped.Add(new(where, $"the metrics {first} and {key} both map to {split}.{name}; {key} kept in imported.fields"));
                continue;
            }
            sources[(split, name)] = key;
            if (name != rest)
            {
                report.Unmapped.Add(new(where, $"the metric {key} is recorded as {split}.{name} (metric names are letters, digits, '_', '.', '@', '-')"));
            }
            if (!metrics.TryGetValue(split, out var bySplit))
            {
                metrics[split] = bySplit = new SortedDictionary<string, double>(StringComparer.Ordinal);
            }
            bySplit[name] = metric.Value;
        }
    }

    private SortedDictionary<string, string> Tags(SortedDictionary<string, string> source, SortedDictionary<string, string> fields, string where)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in source)
        {
            var valid = ImportedValues.TagKey(key);
            if (value.Length > ImportedValues.MaxTagValue || tags.ContainsKey(valid))
            {
                fields[$"tags.{key}"] = value;
                report.Unmapped.Add(new(where, value.Length > ImportedValues.MaxTagValue
                    ? $"the tag {key} is {value.Length} characters, more than the {ImportedValues.MaxTagValue} a tag holds here; kept in imported.fields"
                    : $"the tag {key} maps to the key {valid}, which another tag has; kept in imported.fields"));
                continue;
            }
            if (valid != key)
            {
                report.Unmapped.Add(new(where, $"the tag key '{key}' is recorded as {valid} (tag keys are letters, digits, '_', '.', ':', '/', '-')"));
            }
            tags[valid] = value;
        }
        return tags;
    }

    private string? Description(string? text, SortedDictionary<string, string> fields, string where)
    {
        if (NonEmpty(text) is not { } description)
        {
            return null;
        }
        if (description.Length <= 20000)
        {
            return description;
        }
        fields["description"] = description;
        report.Unmapped.Add(new(where, $"the description is {description.Length} characters, more than the 20000 a description holds here; kept in imported.fields"));
        return null;
    }

    /// <summary>Every key of a meta.yaml without a field of its own, as text (structures as JSON).</summary>
    private static SortedDictionary<string, string> Fields(MlflowMeta meta, HashSet<string> mapped, string prefix)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in meta.Keys.Where(k => !mapped.Contains(k)))
        {
            if (meta.AsText(key) is { } value)
            {
                fields[prefix + key] = value;
            }
        }
        return fields;
    }

    /// <summary>
    /// The local file or folder of a version's artifact: storage_location, else source, as <c>runs:/RUN/PATH</c>,
    /// MLflow 3's <c>models:/MODEL_ID</c>, a <c>file:</c> URI or a path. A path that does not exist here (the store
    /// was copied from another machine) is looked up again below this store's folder.
    /// </summary>
    private string? ResolveArtifact(MlflowMeta meta, out string? missing)
    {
        var uris = new[] { meta.Text("storage_location"), meta.Text("source") }.Select(NonEmpty).OfType<string>().Distinct().ToList();
        foreach (var uri in uris)
        {
            if (Local(uri) is { } path)
            {
                missing = null;
                return path;
            }
        }
        missing = uris.Count == 0 ? "MLflow records no source for it" : $"its artifact {uris[^1]} is not on this machine nor in this store";
        return null;
    }

    private string? Local(string uri)
    {
        if (uri.StartsWith("runs:/", StringComparison.Ordinal))
        {
            var rest = uri["runs:/".Length..].TrimStart('/');
            var slash = rest.IndexOf('/');
            var runId = slash < 0 ? rest : rest[..slash];
            var relative = slash < 0 ? "" : rest[(slash + 1)..];
            return store.FindRun(runId) is { } run ? Existing(Path.Combine(run.Folder, "artifacts", relative)) : null;
        }
        if (uri.StartsWith("models:/m-", StringComparison.Ordinal))
        {
            var id = uri["models:/".Length..].Split('/')[0];
            return store.LoggedModelArtifacts(id);
        }
        string path;
        if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            path = Uri.TryCreate(uri, UriKind.Absolute, out var parsed) ? parsed.LocalPath : uri["file:".Length..];
        }
        else if (uri.StartsWith("mlflow-artifacts:", StringComparison.OrdinalIgnoreCase))
        {
            path = uri["mlflow-artifacts:".Length..].TrimStart('/');
        }
        else if (uri.Contains("://", StringComparison.Ordinal) || uri.Contains(":/", StringComparison.Ordinal) && !Path.IsPathRooted(uri))
        {
            return null;
        }
        else
        {
            path = uri;
        }
        if (Path.IsPathRooted(path) && Existing(path) is { } found)
        {
            return found;
        }
        // Moved stores: find the longest tail of the path (from an experiment folder on) below this store, or
        // below the mlartifacts folder the tracking server keeps next to it.
        var segments = path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        var roots = new[] { store.Root, Path.Combine(Path.GetDirectoryName(store.Root) ?? store.Root, "mlartifacts") };
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments.Skip(i).Contains("artifacts"))
            {
                break;
            }
            foreach (var root in roots)
            {
                if (Existing(Path.Combine([root, .. segments[i..]])) is { } candidate)
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static string? Existing(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) || Directory.Exists(full) ? full : null;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

using System.Collections.Concurrent;
using System.Globalization;
using GitRegistry.Configuration;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Storage;
using LibGit2Sharp;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Validation;

/// <summary>
/// Checks a whole registry: every file against its schema, then the rules that span files (a manifest's file
/// name equals its version, stages exist, aliases point at live versions, exclusive stages hold one version...).
/// Collects every problem rather than stopping at the first, so one run of <c>gitreg validate</c> lists them all.
/// </summary>
internal static class RegistryValidator
{
    /// <param name="snapshot">The registry's files at one commit.</param>
    /// <param name="validated">Manifests known to pass on their own (see <see cref="ValidationCache"/>); learns the ones that pass now.</param>
    public static IReadOnlyList<DocumentProblem> Validate(RegistrySnapshot snapshot, ValidationCache? validated = null)
    {
        var problems = new List<DocumentProblem>();
        var config = ReadDocument<RegistryConfig>(snapshot, RegistryConfig.FileName, DocumentKind.Registry, problems, out _);
        if (config is null)
        {
            if (!snapshot.Exists(RegistryConfig.FileName))
            {
                problems.Add(new(RegistryConfig.FileName, 0, "", "is missing, so this is not a registry", "create a registry with 'gitreg init'"));
            }
            return problems;
        }
        problems.AddRange(CheckConfig(config));

        // One list of problems per entry, so that the models can be checked in parallel and still be reported in order.
        var entries = snapshot.Entries(RegistryPaths.Models);
        var found = new List<DocumentProblem>[entries.Count];
        var models = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (name, kind, mode, _) = entries[i];
            var path = $"{RegistryPaths.Models}/{name}";
            found[i] = [];
            if (kind != TreeEntryTargetType.Tree)
            {
                found[i].Add(new(path, 0, "", mode == Mode.SymbolicLink ? "is a symbolic link" : "is a file where only model folders belong", $"remove it: git rm {path}"));
            }
            else if (!ModelName.IsValid(name))
            {
                found[i].Add(new(path, 0, "", $"'{ModelName.Printable(name)}' is not a valid model name", $"use {ModelName.Rule}; rename the folder"));
            }
            else
            {
                models.Add(i);
            }
        }
        var configId = snapshot.BlobId(RegistryConfig.FileName)!;
        if (validated is not null)
        {
            models.RemoveAll(i => validated.ContainsModel(entries[i].Id, entries[i].Name, configId));
        }
        if (models.Count < ParallelFrom || Environment.ProcessorCount == 1)
        {
            foreach (var i in models)
            {
                ValidateModel(snapshot, config, entries[i].Name, found[i], validated);
            }
        }
        else
        {
            // Parsing and checking manifests is CPU work that spreads over cores; each worker reads git objects through
            // a repository handle of its own, as libgit2 wants.
            Parallel.ForEach(Partitioner.Create(0, models.Count, Math.Max(1, models.Count / (Environment.ProcessorCount * 8))),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                snapshot.OpenOwnCopy,
                (range, _, copy) =>
                {
                    for (var m = range.Item1; m < range.Item2; m++)
                    {
                        ValidateModel(copy.Snapshot, config, entries[models[m]].Name, found[models[m]], validated);
                    }
                    return copy;
                },
                copy => copy.Dispose());
        }
        foreach (var i in models.Where(i => found[i].Count == 0))
        {
            validated?.AddModel(entries[i].Id, entries[i].Name, configId);
        }
        foreach (var list in found)
        {
            problems.AddRange(list);
        }
        validated?.Save();
        return problems;
    }

    // Below this many models the start-up of worker threads and repository handles costs more than it saves.
    private const int ParallelFrom = 16;

    private static void ValidateModel(RegistrySnapshot snapshot, RegistryConfig config, string name, List<DocumentProblem> problems, ValidationCache? validated)
    {
        var modelPath = RegistryPaths.ModelFile(name);
        foreach (var (entry, kind, mode, _) in snapshot.Entries(RegistryPaths.ModelFolder(name)))
        {
            var ok = (entry == "model.yaml" && kind == TreeEntryTargetType.Blob && mode != Mode.SymbolicLink) || (entry is "versions" or "approvals" && kind == TreeEntryTargetType.Tree);
            if (!ok)
            {
                var path = $"{RegistryPaths.ModelFolder(name)}/{entry}";
                problems.Add(new(path, 0, "", mode == Mode.SymbolicLink ? "is a symbolic link" : "does not belong in a model folder", $"a model folder holds model.yaml, versions/ and approvals/ only: git rm -r {path}"));
            }
        }

        var model = ReadDocument<ModelState>(snapshot, modelPath, DocumentKind.Model, problems, out var modelToken);
        if (model is null && !snapshot.Exists(modelPath))
        {
            problems.Add(new(modelPath, 0, "", "is missing", $"every model folder needs a model.yaml; re-create it or remove {RegistryPaths.ModelFolder(name)}"));
        }
        if (model is not null)
        {
            if (model.Name != name)
            {
                problems.Add(new(modelPath, Line(modelToken, "name"), "name", $"is '{model.Name}' but the folder is '{name}'", $"set name: {name}"));
            }
            problems.AddRange(CheckModel(config, model, modelPath, modelToken));
        }

        var manifests = new HashSet<int>();
        foreach (var (file, kind, mode, blob) in snapshot.Entries(RegistryPaths.VersionsFolder(name)))
        {
            var path = $"{RegistryPaths.VersionsFolder(name)}/{file}";
            if (kind != TreeEntryTargetType.Blob || mode == Mode.SymbolicLink || !RegistryPaths.TryParseVersionFile(file, out var version))
            {
                problems.Add(new(path, 0, "", mode == Mode.SymbolicLink ? "is a symbolic link" : "is not a version manifest (N.yaml)",
                    $"the versions folder holds N.yaml files only: git rm -r {path}"));
                continue;
            }
            manifests.Add(version);
            if (validated?.ContainsManifest(blob, name, version) != true)
            {
                var before = problems.Count;
                var manifest = ReadDocument<ModelVersion>(snapshot, path, DocumentKind.ModelVersion, problems, out var token);
                if (manifest is null)
                {
                    continue;
                }
                if (manifest.Name != name)
                {
                    problems.Add(new(path, Line(token, "name"), "name", $"is '{manifest.Name}' but the file is under models/{name}", $"set name: {name}"));
                }
                if (manifest.Version != version)
                {
                    problems.Add(new(path, Line(token, "version"), "version", $"is {manifest.Version} but the file is {file}", $"set version: {version} (manifests are never renumbered)"));
                }
                if (manifest.Artifact.IsPlaceholder() && (manifest.Artifact.Sha256 != Artifact.EmptySha256 || manifest.Artifact.Size != 0))
                {
                    problems.Add(new(path, Line(token, "artifact"), "artifact", $"is the placeholder {Artifact.NoneUri} (no model file) but records {manifest.Artifact.Size} bytes with sha256 {manifest.Artifact.Sha256}",
                        $"a placeholder records size 0 and the sha256 of zero bytes, {Artifact.EmptySha256}"));
                }
                if (problems.Count == before)
                {
                    validated?.AddManifest(blob, name, version);
                }
            }
            if (model is not null && !model.Versions.ContainsKey(version))
            {
                problems.Add(new(modelPath, Line(modelToken, "versions"), $"versions.{version}", $"is missing, but {path} exists", $"add \"{version}\": {{stage: None}} under versions"));
            }
        }
        foreach (var (file, kind, mode, _) in snapshot.Entries(RegistryPaths.ApprovalsFolder(name)))
        {
            var path = $"{RegistryPaths.ApprovalsFolder(name)}/{file}";
            if (kind != TreeEntryTargetType.Blob || mode == Mode.SymbolicLink || !RegistryPaths.TryParseVersionFile(file, out var version))
            {
                problems.Add(new(path, 0, "", "is not an approvals file (N.yaml)", $"the approvals folder holds N.yaml files only: git rm -r {path}"));
                continue;
            }
            var approvals = ReadDocument<VersionApprovals>(snapshot, path, DocumentKind.Approvals, problems, out var token);
            if (approvals is null)
            {
                continue;
            }
            if (approvals.Name != name || approvals.Version != version)
            {
                problems.Add(new(path, Line(token, "version"), "version", $"names {approvals.Name} version {approvals.Version} but the file is {path}", $"set name: {name} and version: {version}"));
            }
            if (!manifests.Contains(version))
            {
                problems.Add(new(path, 0, "", $"approves version {version}, which was never registered", "remove the file"));
            }
            for (var i = 0; i < approvals.Approvals.Count; i++)
            {
                if (config.FindStage(approvals.Approvals[i].Stage) is null)
                {
                    problems.Add(new(path, Line(token, "approvals"), $"approvals[{i}].stage", $"'{approvals.Approvals[i].Stage}' is not a stage of this registry",
                        $"use one of: {string.Join(", ", config.Stages.Select(s => s.Name))}"));
                }
            }
        }
        if (model is not null)
        {
            foreach (var version in model.Versions.Keys.Where(v => !manifests.Contains(v)))
            {
                problems.Add(new(modelPath, Line(modelToken, "versions", version.ToString(CultureInfo.InvariantCulture)), $"versions.{version}",
                    $"has no manifest {RegistryPaths.VersionFile(name, version)}", "restore the manifest from git history; manifests are never deleted"));
            }
        }
    }

    public static IReadOnlyList<DocumentProblem> CheckConfig(RegistryConfig config)
    {
        var problems = new List<DocumentProblem>();
        if (config.Policy is { } policy)
        {
            var groups = policy.Permissions.SelectMany(p => p.Value.Select(g => ($"policy.permissions.{p.Key}", g)))
                .Concat(policy.Transitions.SelectMany((t, i) => (t.Groups ?? []).Select(g => ($"policy.transitions[{i}].groups", g))))
                .Concat(policy.Stages.Select(s => ($"policy.stages.{s.Key}.approvers", s.Value.Approvers)).Where(s => policy.Stages.Values.Any(v => v.Approvals > 0)));
            foreach (var (field, group) in groups.Where(g => !config.Groups.ContainsKey(g.Item2)))
            {
                problems.Add(new(RegistryConfig.FileName, 0, field, $"names the group '{group}', which groups does not define", $"add it under groups, or use one of: {string.Join(", ", config.Groups.Keys)}"));
            }
            var stageNames = policy.Stages.Keys.Concat(policy.Transitions.SelectMany(t => new[] { t.From, t.To })).Where(s => s != "*");
            foreach (var stage in stageNames.Distinct(StringComparer.OrdinalIgnoreCase).Where(s => config.FindStage(s) is null))
            {
                problems.Add(new(RegistryConfig.FileName, 0, "policy", $"names the stage '{stage}', which stages does not define", $"use one of: {string.Join(", ", config.Stages.Select(s => s.Name))}"));
            }
        }
        foreach (var group in config.Stages.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new(RegistryConfig.FileName, 0, "stages", $"lists the stage '{group.Key}' {group.Count()} times (stage names are case-insensitive)", "keep one"));
        }
        foreach (var required in new[] { StageName.None, StageName.Archived })
        {
            if (config.FindStage(required) is null)
            {
                problems.Add(new(RegistryConfig.FileName, 0, "stages", $"does not include {required}", $"add '- name: {required}': new versions start in None and archive-existing moves versions to Archived"));
            }
        }
        return problems;
    }

    public static IReadOnlyList<DocumentProblem> CheckModel(RegistryConfig config, ModelState model, string path, JToken? token = null)
    {
        var problems = new List<DocumentProblem>();
        foreach (var (version, state) in model.Versions)
        {
            var key = version.ToString(CultureInfo.InvariantCulture);
            if (config.FindStage(state.Stage) is not { } stage)
            {
                problems.Add(new(path, Line(token, "versions", key, "stage"), $"versions.{key}.stage", $"'{state.Stage}' is not a stage of this registry",
                    $"use one of: {string.Join(", ", config.Stages.Select(s => s.Name))}"));
            }
            else if (stage.Name != state.Stage)
            {
                problems.Add(new(path, Line(token, "versions", key, "stage"), $"versions.{key}.stage", $"'{state.Stage}' is spelled differently from the registry's stage '{stage.Name}'", $"write {stage.Name}"));
            }
        }
        foreach (var (alias, version) in model.Aliases)
        {
            if (!model.Versions.TryGetValue(version, out var state))
            {
                problems.Add(new(path, Line(token, "aliases", alias), $"aliases.{alias}", $"points at version {version}, which does not exist", "point it at an existing version or remove it"));
            }
            else if (state.Deleted is not null)
            {
                problems.Add(new(path, Line(token, "aliases", alias), $"aliases.{alias}", $"points at version {version}, which is deleted", "point it at a live version or remove it"));
            }
        }
        foreach (var stage in config.Stages.Where(s => s.Exclusive == true))
        {
            var holders = model.Versions.Where(v => v.Value.Deleted is null && v.Value.Stage.Equals(stage.Name, StringComparison.OrdinalIgnoreCase)).Select(v => v.Key).ToList();
            if (holders.Count > 1)
            {
                problems.Add(new(path, Line(token, "versions"), "versions", $"versions {string.Join(", ", holders)} are all in {stage.Name}, which is exclusive",
                    $"move all but one out of {stage.Name} (gitreg transition ... --archive-existing does this)"));
            }
        }
        return problems;
    }

    private static T? ReadDocument<T>(RegistrySnapshot snapshot, string path, DocumentKind kind, List<DocumentProblem> problems, out JToken? token) where T : class
    {
        token = null;
        try
        {
            var text = snapshot.ReadFile(path);
            if (text is null)
            {
                return null;
            }
            token = DocumentSerializer.Parse(text, path);
            var schemaProblems = SchemaCatalog.Validate(kind, token, path);
            if (schemaProblems.Count > 0)
            {
                problems.AddRange(schemaProblems);
                return null;
            }
            return DocumentSerializer.Convert<T>(token, path);
        }
        catch (DocumentException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }
        catch (RegistryException e)
        {
            problems.Add(new(path, 0, "", e.Message, e.Fix));
            return null;
        }
    }

    private static int Line(JToken? token, params string[] path)
    {
        var current = token;
        var line = current?.Annotation<YamlPosition>()?.Line ?? 0;
        foreach (var key in path)
        {
            var property = (current as JObject)?.Property(key);
            current = property?.Value;
            // The key's line: for a block value ("2":\n    stage: None) the value itself starts a line later.
            if ((property?.Annotation<YamlPosition>() ?? current?.Annotation<YamlPosition>()) is { } position)
            {
                line = position.Line;
            }
        }
        return line;
    }
}

using System.Globalization;
using System.Text;
using GitRegistry.Configuration;
using GitRegistry.Documents;
using GitRegistry.Import;
using GitRegistry.Manifests;
using GitRegistry.Policy;
using GitRegistry.Reading;
using GitRegistry.Registration;
using GitRegistry.Storage;

namespace GitRegistry;

public sealed partial class Registry
{
    /// <summary>
    /// Imports MLflow's file store: every registered model (or those named), with its versions under their MLflow
    /// numbers, stages, aliases, tags, descriptions and creation times, each run's params and latest metrics, and
    /// each artifact copied into this registry's store (a folder as one deterministic tar). Writes one signed commit
    /// per model (or per version), signed and registered by the current user; MLflow's user id is kept in each
    /// manifest's <c>imported.author</c>. Versions imported before are left alone, so a second run imports only what
    /// is new. Returns the report: what was imported, skipped, or could not be mapped.
    /// </summary>
    public ImportReport ImportMlflow(MlflowImportOptions options)
    {
        if (!ImportedValues.IsSplitName(options.DefaultSplit))
        {
            throw new RegistryException(ErrorKind.Usage, $"'{options.DefaultSplit}' is not a valid split name", "use lowercase letters, digits, '_' and '-', starting with a letter, e.g. default");
        }
        var store = MlflowFileStore.Open(options.StorePath);
        var report = new ImportReport { From = "mlflow", Location = store.Root, DryRun = options.DryRun };
        var models = new MlflowMapping(store, options, report).Map();
        WriteImport(models, report, options.Commits, $"the MLflow file store {store.Root}");
        return report;
    }

    /// <summary>
    /// Imports a spreadsheet (saved as CSV) as versions of one model through a column mapping: one version per row,
    /// under the row's version number, with its time, lineage, params, metrics, tags and artifact (a path or URI
    /// column, or the placeholder none: with <see cref="CsvImportOptions.NoArtifact"/>), and the row's unmapped
    /// cells kept in the manifest. Rows that cannot be used are reported with their row number. Versions imported
    /// before are left alone.
    /// </summary>
    public ImportReport ImportCsv(CsvImportOptions options)
    {
        var sheet = CsvSheet.Read(options.FilePath, options.Delimiter);
        var report = new ImportReport { From = "csv", Location = Path.GetFullPath(options.FilePath), DryRun = options.DryRun };
        var model = new CsvMapping(sheet, options, report).Map();
        WriteImport([model], report, options.Commits, $"the spreadsheet {report.Location}");
        return report;
    }

    /// <summary>A version of the import plan with where it goes: the stage it is placed in and its aliases.</summary>
    private sealed record PlannedVersion(VersionImport Source, string Stage, List<string> Aliases);

    /// <summary>What an import writes for one model: the new versions, in number order.</summary>
    private sealed record PlannedModel(ModelImport Source, ImportedModelReport Report, List<PlannedVersion> Versions);

    private void WriteImport(IReadOnlyList<ModelImport> models, ImportReport report, ImportCommits commits, string source)
    {
        var view = View();
        var plans = models.Select(m => Plan(view, m, report)).ToList();
        if (report.DryRun)
        {
            foreach (var plan in plans)
            {
                plan.Report.Imported.AddRange(plan.Versions.Select(v => new ImportedVersionReport(v.Source.Version, v.Stage, v.Aliases, v.Source.Deleted is not null,
                    v.Source.ArtifactPath is null ? Artifact.NoneUri : "", "", 0)));
            }
            return;
        }

        // Check every model against the policy before writing any, so that a refused import leaves nothing half done.
        var violations = plans.SelectMany(p => ImportViolations(view, p, p.Versions, p.Versions.Select(v => Manifest(v.Source, p.Source.Name, Identity(), Placeholder(), null)).ToList())).ToList();
        if (violations.Count > 0)
        {
            throw ImportDenied(violations);
        }

        foreach (var plan in plans.Where(p => p.Versions.Count > 0))
        {
            var stored = plan.Versions.ToDictionary(v => v.Source.Version, v => StoreImported(v.Source, report));
            var groups = commits == ImportCommits.PerVersion ? plan.Versions.Select(v => new List<PlannedVersion> { v }).ToList() : [plan.Versions];
            foreach (var group in groups)
            {
                var commit = WriteChange(snapshot => ImportChange(snapshot, plan, group, stored, report, source));
                if (commit is not null)
                {
                    plan.Report.Commits.Add(commit);
                }
            }
            plan.Report.Imported.AddRange(plan.Versions.Select(v =>
            {
                var artifact = stored[v.Source.Version].Artifact;
                return new ImportedVersionReport(v.Source.Version, v.Stage, v.Aliases, v.Source.Deleted is not null, artifact.Uri, artifact.Sha256, artifact.Size);
            }));
        }
    }

    /// <summary>Which of a model's versions are new here, the stage each goes to, and the aliases to set; everything else goes to the report.</summary>
    private static PlannedModel Plan(RegistryView view, ModelImport model, ImportReport report)
    {
        var config = view.Config;
        var existing = view.FindModel(model.Name);
        var highest = view.HighestVersion(model.Name, existing);
        var modelReport = new ImportedModelReport { Name = model.Name, SourceName = model.SourceName, Created = existing is null };
        report.Models.Add(modelReport);

        var fresh = new List<VersionImport>();
        foreach (var version in model.Versions.OrderBy(v => v.Version))
        {
            if (existing?.Versions.ContainsKey(version.Version) == true || view.Snapshot.Exists(RegistryPaths.VersionFile(model.Name, version.Version)))
            {
                var imported = TryManifest(view, model.Name, version.Version)?.Imported;
                // A spreadsheet's rows move as the sheet grows, so its versions are recognised by number; MLflow's by record.
                if (imported is not null && imported.From == version.Record.From && (imported.From == "csv" || imported.Record == version.Record.Record))
                {
                    modelReport.AlreadyImported.Add(version.Version);
                }
                else
                {
                    report.Skipped.Add(new(version.Where, $"{model.Name} already has a version {version.Version} that was not imported from this record; not imported (version numbers are kept, so it has no number here)"));
                }
            }
            else if (version.Version <= highest)
            {
                report.Skipped.Add(new(version.Where, $"the number {version.Version} was used here before; not imported (numbers are never reused)"));
            }
            else
            {
                fresh.Add(version);
            }
        }

        // Stages: the registry's spelling; an exclusive stage keeps the version that holds it, else the highest.
        var planned = new List<PlannedVersion>();
        foreach (var version in fresh)
        {
            var stage = StageName.None;
            if (version.Deleted is null && !version.Stage.Equals(StageName.None, StringComparison.OrdinalIgnoreCase))
            {
                if (config.FindStage(version.Stage) is { } found)
                {
                    stage = found.Name;
                }
                else
                {
                    report.Unmapped.Add(new(version.Where, $"the stage '{version.Stage}' does not exist in this registry; imported into None"));
                }
            }
            planned.Add(new PlannedVersion(version, stage, []));
        }
        foreach (var exclusive in config.Stages.Where(s => s.Exclusive == true))
        {
            var holder = existing?.Versions.Where(v => v.Value.Deleted is null && v.Value.Stage.Equals(exclusive.Name, StringComparison.OrdinalIgnoreCase)).Select(v => v.Key).FirstOrDefault();
            var contenders = planned.Where(p => p.Stage == exclusive.Name).OrderByDescending(p => p.Source.Version).ToList();
            var keep = holder is > 0 ? null : contenders.FirstOrDefault();
            for (var i = 0; i < planned.Count; i++)
            {
                if (planned[i].Stage == exclusive.Name && planned[i] != keep)
                {
                    report.Unmapped.Add(new(planned[i].Source.Where, $"{exclusive.Name} is exclusive here and {(holder is > 0 ? $"version {holder}" : $"version {keep!.Source.Version}")} holds it; imported into None"));
                    planned[i] = planned[i] with { Stage = StageName.None };
                }
            }
        }

        foreach (var (alias, version) in model.Aliases)
        {
            var target = planned.FirstOrDefault(p => p.Source.Version == version);
            var where = $"{model.Name}@{alias}";
            if (target is not null && target.Source.Deleted is null)
            {
                if (existing?.Aliases.TryGetValue(alias, out var previous) == true && previous != version)
                {
                    report.Unmapped.Add(new(where, $"moved from version {previous} to the imported version {version}"));
                }
                target.Aliases.Add(alias);
            }
            else if (target is not null)
            {
                report.Unmapped.Add(new(where, $"points at version {version}, which is deleted; not imported"));
            }
            else if (modelReport.AlreadyImported.Contains(version))
            {
                if (existing!.Aliases.TryGetValue(alias, out var here) && here == version)
                {
                    continue;
                }
                report.Unmapped.Add(new(where, $"points at version {version} in the source, imported before; left as it is here ({(existing.Aliases.TryGetValue(alias, out var current) ? $"version {current}" : "not set")}): an import changes only the versions it brings"));
            }
            else
            {
                report.Unmapped.Add(new(where, $"points at version {version}, which is not imported; not set"));
            }
        }
        return new PlannedModel(model, modelReport, planned);
    }

    private static ModelVersion? TryManifest(RegistryView view, string name, int version)
    {
        try
        {
            return view.GetManifest(name, version);
        }
        catch (RegistryException)
        {
            return null;
        }
    }

    /// <summary>The policy's objections to an import: who may register, set aliases, delete, and place versions in stages.</summary>
    private IEnumerable<string> ImportViolations(RegistryView view, PlannedModel plan, IReadOnlyList<PlannedVersion> versions, IReadOnlyList<ModelVersion> manifests)
    {
        var config = view.Config;
        var who = _repository.Identity().Email;
        var actions = new List<string>();
        if (versions.Count > 0)
        {
            actions.Add(PolicyAction.Register);
        }
        if (versions.Any(v => v.Aliases.Count > 0))
        {
            actions.Add(PolicyAction.Alias);
        }
        if (versions.Any(v => v.Source.Deleted is not null))
        {
            actions.Add(PolicyAction.Delete);
        }
        foreach (var action in actions)
        {
            if (PolicyEngine.CheckPermission(config, action, who) is { } denied)
            {
                yield return denied;
            }
        }
        var existing = view.FindModel(plan.Source.Name);
        // On a proposal branch approvals come after the proposal; verify checks them where the branch is merged.
        var onMain = _repository.BranchRef == "refs/heads/" + config.MainBranch;
        for (var i = 0; i < versions.Count; i++)
        {
            var stage = versions[i].Stage;
            if (stage == StageName.None)
            {
                continue;
            }
            var holder = existing?.Versions.Where(v => v.Value.Deleted is null && v.Value.Stage.Equals(stage, StringComparison.OrdinalIgnoreCase)).Select(v => v.Key).DefaultIfEmpty(0).Max() ?? 0;
            var current = holder == 0 ? null : view.GetManifest(plan.Source.Name, holder);
            foreach (var violation in PolicyEngine.CheckPlacement(config, manifests[i], stage, who, onMain ? [] : null, current))
            {
                yield return violation;
            }
        }
    }

    private static RegistryException ImportDenied(List<string> violations) => new(ErrorKind.Policy,
        violations.Count == 1 ? violations[0] : "the policy does not allow this import:\n  " + string.Join("\n  ", violations.Distinct()),
        "import on a proposal branch (gitreg --branch import/mlflow import ...), have approvers approve the staged versions there, and merge it; or import before the policy asks for approvals");

    private static Artifact Placeholder() => new() { Uri = Artifact.NoneUri, Sha256 = Artifact.EmptySha256, Size = 0, Format = "other", FileName = "none" };

    /// <summary>Copies a version's artifact into the store (a folder as one tar); the placeholder when there is none.</summary>
    private (Artifact Artifact, Dependencies? Dependencies) StoreImported(VersionImport version, ImportReport report)
    {
        var dependencies = version.DependenciesPath is null ? null : ReadDependencies(version.DependenciesPath);
        if (version.ArtifactPath is null)
        {
            if (version.ReportMissingArtifact)
            {
                report.Unmapped.Add(new(version.Where, $"{version.MissingArtifact}; the manifest records the placeholder {Artifact.NoneUri} (no model file)"));
            }
            return (Placeholder(), dependencies);
        }
        var path = version.ArtifactPath;
        var store = ArtifactStore();
        if (Directory.Exists(path))
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
            var fileName = (string.IsNullOrEmpty(name) || name.StartsWith('.') ? "model" : name) + ".tar";
            var temp = Path.Combine(Path.GetTempPath(), $"gitreg-import-{Guid.NewGuid():N}.tar");
            try
            {
                var created = DateTimeOffset.Parse(version.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                foreach (var link in DirectoryArchive.Write(path, temp, created))
                {
                    report.Unmapped.Add(new(version.Where, $"{link} in the artifact folder is a symbolic link; left out of the archive"));
                }
                var stored = store.Put(temp);
                report.ArtifactsCopied++;
                report.BytesCopied += stored.Size;
                return (new Artifact { Uri = stored.Uri, Sha256 = stored.Sha256, Size = stored.Size, Format = version.ArtifactFormat ?? "other", FileName = fileName }, dependencies);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        var file = store.Put(path);
        report.ArtifactsCopied++;
        report.BytesCopied += file.Size;
        return (new Artifact
        {
            Uri = file.Uri,
            Sha256 = file.Sha256,
            Size = file.Size,
            Format = version.ArtifactFormat ?? RegistrationRequest.InferFormat(path),
            FileName = Path.GetFileName(path),
        }, dependencies);
    }

    private static ModelVersion Manifest(VersionImport version, string name, Person who, Artifact artifact, Dependencies? dependencies) => new()
    {
        Name = name,
        Version = version.Version,
        CreatedAt = version.CreatedAt,
        CreatedBy = who,
        Description = version.Description,
        Params = version.Params,
        Metrics = version.Metrics,
        Data = version.Data,
        Preprocessing = version.Preprocessing,
        CodeCommit = version.CodeCommit,
        Artifact = artifact,
        Dependencies = dependencies,
        Signature = version.Signature,
        Tags = version.Tags,
        Run = version.Run,
        Imported = version.Record,
    };

    private PendingWrite ImportChange(RegistrySnapshot snapshot, PlannedModel plan, List<PlannedVersion> group,
        Dictionary<int, (Artifact Artifact, Dependencies? Dependencies)> stored, ImportReport report, string source)
    {
        var view = Permit(snapshot, PolicyAction.Register);
        var name = plan.Source.Name;
        var who = _repository.Identity();
        var model = view.FindModel(name) ?? new ModelState
        {
            Name = name,
            Description = plan.Source.Description,
            Tags = new SortedDictionary<string, string>(plan.Source.Tags, StringComparer.Ordinal),
            Imported = plan.Source.Record,
        };
        var highest = view.HighestVersion(name, model);
        if (group[0].Source.Version <= highest)
        {
            throw new RegistryException(ErrorKind.Conflict, $"version {group[0].Source.Version} of {name} was registered here while importing",
                "run the import again: it imports only what is still new");
        }
        var files = new Dictionary<string, string?>();
        var manifests = new List<ModelVersion>();
        foreach (var version in group)
        {
            var (artifact, dependencies) = stored[version.Source.Version];
            var manifest = Manifest(version.Source, name, who, artifact, dependencies);
            manifests.Add(manifest);
            var path = RegistryPaths.VersionFile(name, version.Source.Version);
            files[path] = DocumentSerializer.Write(DocumentKind.ModelVersion, manifest, path);
            model.Versions[version.Source.Version] = new VersionState
            {
                Stage = view.Config.GetStage(version.Stage).Name,
                Tags = new SortedDictionary<string, string>(version.Source.Tags, StringComparer.Ordinal),
                Deleted = version.Source.Deleted is { } deleted ? new DeletionRecord { At = deleted.At, By = who, Comment = deleted.Comment } : null,
            };
            foreach (var alias in version.Aliases)
            {
                model.Aliases[alias] = version.Source.Version;
            }
        }
        var violations = ImportViolations(view, plan, group, manifests).ToList();
        if (violations.Count > 0)
        {
            throw ImportDenied(violations);
        }
        files[RegistryPaths.ModelFile(name)] = WriteModel(view.Config, model);

        var numbers = group.Select(v => v.Source.Version).ToList();
        var kind = report.From == "mlflow" ? "MLflow" : "a spreadsheet";
        var subject = $"Import {name} version{(numbers.Count > 1 ? "s" : "")} {Ranges(numbers)} from {kind}";
        var body = new StringBuilder($"Imported from {source}");
        body.Append(plan.Source.SourceName != name || report.From == "mlflow" ? $", model '{plan.Source.SourceName}'.\n\n" : ".\n\n");
        foreach (var version in group)
        {
            var state = version.Source.Deleted is not null ? "deleted" : version.Stage;
            var aliases = version.Aliases.Count == 0 ? "" : ", " + string.Join(", ", version.Aliases.Select(a => "@" + a));
            body.Append(CultureInfo.InvariantCulture, $"version {version.Source.Version} ({version.Source.Record.Record}): {state}{aliases}\n");
        }
        var trailers = Trailers("import", name, numbers.Count == 1 ? numbers[0] : null);
        trailers.Add(new("Registry-Import-From", report.From));
        trailers.Add(new("Registry-Import-Source", report.Location));
        return new PendingWrite(subject, body.ToString(), trailers, files);
    }

    /// <summary>1, 2, 3, 5 as "1-3, 5".</summary>
    private static string Ranges(List<int> numbers)
    {
        var parts = new List<string>();
        for (var i = 0; i < numbers.Count; i++)
        {
            var start = numbers[i];
            while (i + 1 < numbers.Count && numbers[i + 1] == numbers[i] + 1)
            {
                i++;
            }
            parts.Add(start == numbers[i] ? start.ToString(CultureInfo.InvariantCulture) : $"{start}-{numbers[i]}");
        }
        return string.Join(", ", parts);
    }
}

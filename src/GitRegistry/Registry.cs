using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GitRegistry.Configuration;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Reading;
using GitRegistry.Registration;
using GitRegistry.Stages;
using GitRegistry.Storage;
using GitRegistry.Stores;
using GitRegistry.Validation;

namespace GitRegistry;

/// <summary>
/// A model registry kept in a git repository: the entry point for reading and changing it. Every change is one
/// signed commit with <c>Registry-*</c> trailers; reads come from the branch tip's objects.
/// </summary>
public sealed partial class Registry : IDisposable
{
    /// <summary>Environment variable that overrides the local artifact store's folder.</summary>
    public const string ArtifactStoreVariable = "GITREG_ARTIFACT_STORE";

    private readonly RegistryRepository _repository;

    private Registry(RegistryRepository repository) => _repository = repository;

    /// <summary>
    /// Opens the registry in (or above) <paramref name="path"/>. When git's config says <c>gitreg.push = true</c>,
    /// writes push to <c>gitreg.remote</c> (default origin), as if <see cref="PushRemote"/> were set.
    /// </summary>
    public static Registry Open(string path)
    {
        var registry = new Registry(RegistryRepository.Open(path));
        if (registry._repository.Config.Get("gitreg.push") is { } push && push.ToLowerInvariant() is "true" or "yes" or "on" or "1")
        {
            registry.PushRemote = registry._repository.Config.Get("gitreg.remote") ?? "origin";
        }
        return registry;
    }

    /// <summary>The repository's git directory (the repository itself when bare).</summary>
    public string GitDirectory => _repository.GitDirectory;

    /// <summary>The working tree, or null for a bare registry.</summary>
    public string? WorkingDirectory => _repository.WorkingDirectory;

    /// <summary>True for a bare (server-side) registry.</summary>
    public bool IsBare => _repository.IsBare;

    /// <summary>The branch writes go to.</summary>
    public string Branch => _repository.BranchRef;

    /// <summary>
    /// Write to this branch instead of the checked-out one: a proposal for a pull request. The branch is created
    /// from the current branch's tip when it does not exist. Approvals are not required on a proposal branch; they
    /// are added to it by reviewers, and <c>gitreg verify</c> checks them where the branch is merged.
    /// </summary>
    public string? TargetBranch
    {
        get => _repository.BranchOverride;
        set => _repository.BranchOverride = value;
    }

    /// <summary>True when writes go to the registry's main branch (registry.yaml main_branch).</summary>
    public bool WritesToMainBranch => _repository.BranchRef == "refs/heads/" + Config.MainBranch;

    /// <summary>The commit the branch is at, or null before the first commit.</summary>
    public string? Head => _repository.Snapshot().CommitId;

    /// <summary>The registry's configuration at the branch tip.</summary>
    public RegistryConfig Config => View().Config;

    /// <summary>Who writes: git's user.name and user.email.</summary>
    public Person Identity() => _repository.Identity();

    private RegistryView View() => new(_repository.Snapshot());

    // ---- init ------------------------------------------------------------------------------------------

    /// <summary>
    /// Creates a registry at <paramref name="path"/>: a git repository (bare or not) on branch main whose first
    /// signed commit holds the files of registry-template/.
    /// </summary>
    /// <param name="path">The folder to create the registry in (new or empty).</param>
    /// <param name="name">The registry's name; the folder's name when null.</param>
    /// <param name="bare">Create a bare repository.</param>
    /// <param name="approvals">How many approvals moving into Production needs (0 for a one-person registry).</param>
    public static Registry Init(string path, string? name = null, bool bare = false, int approvals = 1)
    {
        var full = Path.GetFullPath(path);
        RegistryName.Validate(name ?? Path.GetFileName(full.TrimEnd('/')));
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new RegistryException(ErrorKind.Usage, $"'{full}' exists and is not empty", "choose a new or empty folder");
        }
        var created = !Directory.Exists(full);
        Directory.CreateDirectory(full);
        List<string> arguments = ["init", "--quiet", "--initial-branch", "main"];
        if (bare)
        {
            arguments.Add("--bare");
        }
        arguments.Add(full);
        var result = ChildProcess.Run("git", arguments);
        if (result.ExitCode != 0)
        {
            throw new RegistryException(ErrorKind.Repository, $"git init failed: {result.StandardError.Trim()}");
        }

        var registry = Open(full);
        try
        {
            var registryName = name ?? Path.GetFileName(full.TrimEnd('/'));
            var owner = registry._repository.Identity();
            var signer = Signing.CommitSigner.FromConfig(registry._repository.Config, owner);
            var files = RegistryTemplate.Files(registryName, owner, signer, approvals);
            registry._repository.Write(_ => new PendingWrite(
                $"Create registry {registryName}",
                null,
                [new("Registry-Action", "init"), new("Registry-Signer", owner.Email)],
                files));
            return registry;
        }
        catch
        {
            // Leave nothing half-made behind: a failed init (say, no signing key yet) can simply be run again.
            registry.Dispose();
            foreach (var entry in new DirectoryInfo(full).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo folder) { folder.Delete(recursive: true); } else { entry.Delete(); }
            }
            if (created)
            {
                Directory.Delete(full);
            }
            throw;
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------

    /// <summary>Every model, with its live versions, stages and aliases.</summary>
    public IReadOnlyList<ModelSummary> ListModels()
    {
        var view = View();
        var summaries = new List<ModelSummary>();
        foreach (var name in view.ModelNames())
        {
            var model = view.FindModel(name);
            if (model is null)
            {
                continue;
            }
            var live = model.Versions.Where(v => v.Value.Deleted is null).ToList();
            var stages = live.Where(v => !v.Value.Stage.Equals(StageName.None, StringComparison.OrdinalIgnoreCase))
                .GroupBy(v => v.Value.Stage)
                .ToDictionary(g => g.Key, g => g.Max(v => v.Key));
            summaries.Add(new ModelSummary(name, model.Description, live.Count, live.Count == 0 ? null : live.Max(v => v.Key), stages, model.Aliases));
        }
        return summaries;
    }

    /// <summary>A model's state (description, tags, aliases, per-version state).</summary>
    public ModelState GetModel(string name) => View().GetModel(name);

    /// <summary>A model's versions, newest first; only those in <paramref name="stage"/> when given.</summary>
    public IReadOnlyList<ModelVersionInfo> ListVersions(string name, string? stage = null, bool includeDeleted = false)
    {
        var view = View();
        var model = view.GetModel(name);
        var canonical = stage is null ? null : view.Config.GetStage(stage).Name;
        return model.Versions
            .Where(v => includeDeleted || v.Value.Deleted is null)
            .Where(v => canonical is null || v.Value.Stage.Equals(canonical, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(v => v.Key)
            .Select(v => view.Info(model, v.Key))
            .ToList();
    }

    /// <summary>One version (deleted ones included, so that history stays readable).</summary>
    public ModelVersionInfo GetVersion(string name, int version)
    {
        var view = View();
        var model = view.GetModel(name);
        if (!model.Versions.ContainsKey(version))
        {
            StageRules.LiveVersion(model, version);
        }
        return view.Info(model, version);
    }

    /// <summary>Resolves a model URI (<c>models:/name/7</c>, <c>/Production</c>, <c>@alias</c>, <c>/latest</c>) to one live version.</summary>
    public ModelVersionInfo Resolve(string uri) => Resolve(ModelUri.Parse(uri));

    /// <inheritdoc cref="Resolve(string)"/>
    public ModelVersionInfo Resolve(ModelUri uri) => Resolve(View(), uri);

    /// <summary>Resolves a model URI as the registry was at a commit.</summary>
    public ModelVersionInfo ResolveAt(ModelUri uri, string revision) => Resolve(new RegistryView(_repository.SnapshotAt(revision)), uri);

    private static ModelVersionInfo Resolve(RegistryView view, ModelUri uri)
    {
        var model = view.GetModel(uri.Name);
        var live = model.Versions.Where(v => v.Value.Deleted is null).ToList();
        int version;
        switch (uri.Kind)
        {
            case ModelUriKind.Version:
                StageRules.LiveVersion(model, uri.Version!.Value);
                version = uri.Version.Value;
                break;
            case ModelUriKind.Latest:
                if (live.Count == 0)
                {
                    throw new NotFoundException($"{uri.Name} has no live versions", $"register one with: gitreg register {uri.Name} --artifact FILE");
                }
                version = live.Max(v => v.Key);
                break;
            case ModelUriKind.Alias:
                if (!model.Aliases.TryGetValue(uri.Reference!, out version))
                {
                    throw new NotFoundException($"{uri.Name} has no alias '{uri.Reference}'", RegistryView.Existing("aliases", model.Aliases.Keys));
                }
                StageRules.LiveVersion(model, version);
                break;
            default:
                var stage = view.Config.GetStage(uri.Reference!).Name;
                var inStage = live.Where(v => v.Value.Stage.Equals(stage, StringComparison.OrdinalIgnoreCase)).Select(v => v.Key).ToList();
                if (inStage.Count == 0)
                {
                    var where = string.Join(", ", live.OrderByDescending(v => v.Key).Take(10).Select(v => $"{v.Key} ({v.Value.Stage})"));
                    throw new NotFoundException($"no version of {uri.Name} is in {stage}",
                        live.Count == 0 ? "the model has no live versions" : $"versions: {where}; move one with: gitreg transition {uri.Name} VERSION {stage}");
                }
                version = inStage.Max();
                break;
        }
        return view.Info(model, version);
    }

    // ---- artifacts -------------------------------------------------------------------------------------

    /// <summary>The store new artifacts go to, as registry.yaml's <c>artifact_store</c> says (default: the local content-addressed store).</summary>
    public IArtifactStore ArtifactStore() => ArtifactStores.ForNewArtifacts(Config.ArtifactStore, GitDirectory);

    /// <summary>The store that reads <paramref name="uri"/>, chosen by its scheme (<c>cas://</c>, <c>file://</c>, <c>https://</c>).</summary>
    public IArtifactStore ArtifactStoreFor(string uri) => ArtifactStores.ForUri(uri, Config.ArtifactStore, GitDirectory);

    /// <summary>Fetches a version's artifact into <paramref name="outputDirectory"/>, verifying its sha256; returns the file's path.</summary>
    public string FetchArtifact(ModelVersionInfo version, string outputDirectory, IProgress<long>? progress = null)
    {
        var artifact = version.Manifest.Artifact;
        if (artifact.IsPlaceholder())
        {
            var source = version.Manifest.Imported is { } imported ? $" from {imported.From} ({imported.Location})" : "";
            throw new RegistryException(ErrorKind.Artifact, $"{version.Name} version {version.Version} was imported{source} without its model file, so there is nothing to fetch",
                "register the model file as a new version: gitreg register " + version.Name + " --artifact FILE");
        }
        var store = ArtifactStoreFor(artifact.Uri);
        var destination = Path.Combine(outputDirectory, artifact.FileName);
        store.Fetch(artifact.Uri, artifact.Sha256, artifact.Size, destination, progress);
        return destination;
    }

    // ---- writing ---------------------------------------------------------------------------------------

    /// <summary>Stores the artifact, writes the manifest of a new version (max + 1) and adds it to model.yaml in stage None.</summary>
    public RegistrationResult Register(RegistrationRequest request)
    {
        var name = ModelName.Validate(request.Name);
        var fileName = request.ArtifactFileName();
        var format = request.Format ?? RegistrationRequest.InferFormat(fileName);
        var dependencies = request.RequirementsPath is null ? null : ReadDependencies(request.RequirementsPath);
        var who = _repository.Identity();
        var stored = StoreArtifact(request);
        Hooks.Pause("after-artifact-stored");

        ModelVersion? written = null;
        var commit = WriteChange(snapshot =>
        {
            var view = Permit(snapshot, Policy.PolicyAction.Register);
            var model = view.FindModel(name) ?? new ModelState { Name = name };
            var version = view.HighestVersion(name, model) + 1;
            var manifest = new ModelVersion
            {
                Name = name,
                Version = version,
                CreatedAt = Now(),
                CreatedBy = who,
                Description = request.Description,
                Params = new SortedDictionary<string, object>(request.Params, StringComparer.Ordinal),
                Metrics = new SortedDictionary<string, SortedDictionary<string, double>>(
                    request.Metrics.ToDictionary(s => s.Key, s => new SortedDictionary<string, double>(s.Value, StringComparer.Ordinal)), StringComparer.Ordinal),
                Data = request.Data,
                Preprocessing = request.Preprocessing,
                CodeCommit = request.CodeCommit,
                Artifact = new Artifact { Uri = stored.Uri, Sha256 = stored.Sha256, Size = stored.Size, Format = format, FileName = fileName },
                Dependencies = dependencies,
                Signature = request.Signature,
                Tags = new SortedDictionary<string, string>(request.Tags, StringComparer.Ordinal),
                Run = request.Run,
            };
            model.Versions[version] = new VersionState { Stage = view.Config.GetStage(StageName.None).Name, Tags = new(manifest.Tags, StringComparer.Ordinal) };
            written = manifest;
            var manifestPath = RegistryPaths.VersionFile(name, version);
            return new PendingWrite(
                $"Register {name} version {version}",
                request.Description,
                Trailers("register", name, version),
                new Dictionary<string, string?>
                {
                    [manifestPath] = DocumentSerializer.Write(DocumentKind.ModelVersion, manifest, manifestPath),
                    [RegistryPaths.ModelFile(name)] = WriteModel(view.Config, model),
                });
        });
        return new RegistrationResult(commit!, $"registered {name} version {written!.Version}", written);
    }

    /// <summary>Moves a version to a stage (MLflow semantics; see <see cref="StageRules"/>).</summary>
    public TransitionResult Transition(string name, int version, string stage, bool archiveExisting = false, string? comment = null)
    {
        ModelName.Validate(name);
        (string From, string To, List<int> Archived) outcome = ("", "", []);
        var commit = WriteChange(snapshot =>
        {
            var view = new RegistryView(snapshot);
            var model = view.GetModel(name);
            var before = model.Versions.ToDictionary(v => v.Key, v => v.Value.Stage);
            outcome = StageRules.Transition(view.Config, model, version, stage, archiveExisting);
            if (outcome.From == outcome.To && outcome.Archived.Count == 0)
            {
                return null;
            }
            CheckTransitionPolicy(snapshot, view, model, version, before);
            var trailers = Trailers("transition", name, version);
            trailers.Add(new("Registry-Stage", outcome.To));
            trailers.Add(new("Registry-From-Stage", outcome.From));
            if (outcome.Archived.Count > 0)
            {
                trailers.Add(new("Registry-Archived", string.Join(", ", outcome.Archived)));
            }
            var subject = outcome.From == outcome.To
                ? $"Keep {name} version {version} in {outcome.To}, archive version {string.Join(", ", outcome.Archived)}"
                : $"Move {name} version {version} from {outcome.From} to {outcome.To}";
            return ModelWrite(view, model, subject, comment, trailers);
        });
        var archivedNote = outcome.Archived.Count > 0 ? $"; archived version {string.Join(", ", outcome.Archived)}" : "";
        var summary = commit is null
            ? $"{name} version {version} is already in {outcome.To}; nothing changed"
            : outcome.From == outcome.To
                ? $"{name} version {version} stays in {outcome.To}" + archivedNote
                : $"moved {name} version {version} from {outcome.From} to {outcome.To}" + archivedNote;
        return new TransitionResult(commit, summary, outcome.From, outcome.To, outcome.Archived);
    }

    /// <summary>Points an alias at a version (creating or moving it).</summary>
    public WriteResult SetAlias(string name, string alias, int version)
    {
        ModelName.Validate(name);
        AliasName.Validate(alias);
        int? previous = null;
        var commit = WriteChange(snapshot =>
        {
            var view = Permit(snapshot, Policy.PolicyAction.Alias);
            var model = view.GetModel(name);
            StageRules.LiveVersion(model, version);
            previous = model.Aliases.TryGetValue(alias, out var p) ? p : null;
            if (previous == version)
            {
                return null;
            }
            model.Aliases[alias] = version;
            var trailers = Trailers("alias-set", name, version);
            trailers.Add(new("Registry-Alias", alias));
            var subject = previous is null ? $"Set alias {alias} of {name} to version {version}" : $"Move alias {alias} of {name} from version {previous} to {version}";
            return ModelWrite(view, model, subject, null, trailers);
        });
        return new WriteResult(commit, commit is null ? $"{name}@{alias} already points at version {version}" : $"{name}@{alias} -> version {version}" + (previous is null ? "" : $" (was {previous})"));
    }

    /// <summary>Removes an alias.</summary>
    public WriteResult DeleteAlias(string name, string alias)
    {
        ModelName.Validate(name);
        AliasName.Validate(alias);
        var commit = WriteChange(snapshot =>
        {
            var view = Permit(snapshot, Policy.PolicyAction.Alias);
            var model = view.GetModel(name);
            if (!model.Aliases.Remove(alias, out var version))
            {
                throw new NotFoundException($"{name} has no alias '{alias}'", RegistryView.Existing("aliases", model.Aliases.Keys));
            }
            var trailers = Trailers("alias-delete", name, version);
            trailers.Add(new("Registry-Alias", alias));
            return ModelWrite(view, model, $"Delete alias {alias} of {name} (was version {version})", null, trailers);
        });
        return new WriteResult(commit, $"deleted {name}@{alias}");
    }

    /// <summary>Sets a tag on a model, or on one of its versions.</summary>
    public WriteResult SetTag(string name, int? version, string key, string value) => ChangeTags(name, version, key, value);

    /// <summary>Removes a tag from a model, or from one of its versions.</summary>
    public WriteResult DeleteTag(string name, int? version, string key) => ChangeTags(name, version, key, null);

    private WriteResult ChangeTags(string name, int? version, string key, string? value)
    {
        ModelName.Validate(name);
        if (!TagKey().IsMatch(key))
        {
            throw new RegistryException(ErrorKind.Usage, $"'{ModelName.Printable(key)}' is not a valid tag key", "use 1-128 letters, digits, '_', '-', '.', '/', ':'");
        }
        var target = version is null ? name : $"{name} version {version}";
        var commit = WriteChange(snapshot =>
        {
            var view = Permit(snapshot, Policy.PolicyAction.Tag);
            var model = view.GetModel(name);
            var tags = version is null ? model.Tags : StageRules.LiveVersion(model, version.Value).Tags;
            if (value is null)
            {
                if (!tags.Remove(key))
                {
                    throw new NotFoundException($"{target} has no tag '{key}'", RegistryView.Existing("tags", tags.Keys));
                }
            }
            else
            {
                if (tags.TryGetValue(key, out var old) && old == value)
                {
                    return null;
                }
                tags[key] = value;
            }
            var trailers = Trailers(value is null ? "tag-delete" : "tag-set", name, version);
            trailers.Add(new("Registry-Tag", key));
            return ModelWrite(view, model, value is null ? $"Delete tag {key} of {target}" : $"Set tag {key} of {target}", null, trailers);
        });
        return new WriteResult(commit, commit is null ? $"{target} already has {key}={value}" : value is null ? $"deleted tag {key} of {target}" : $"set tag {key}={value} on {target}");
    }

    /// <summary>Sets the description of a model, or of one of its versions.</summary>
    public WriteResult Describe(string name, int? version, string description)
    {
        ModelName.Validate(name);
        var target = version is null ? name : $"{name} version {version}";
        var commit = WriteChange(snapshot =>
        {
            var view = Permit(snapshot, Policy.PolicyAction.Describe);
            var model = view.GetModel(name);
            if (version is null)
            {
                model.Description = description;
            }
            else
            {
                StageRules.LiveVersion(model, version.Value).Description = description;
            }
            return ModelWrite(view, model, $"Describe {target}", null, Trailers("describe", name, version));
        });
        return new WriteResult(commit, commit is null ? $"{target} already has that description" : $"updated the description of {target}");
    }

    /// <summary>Marks a version deleted. Its number is never reused; it can no longer be resolved. Refused while an alias points at it.</summary>
    public WriteResult DeleteVersion(string name, int version, string? comment = null)
    {
        ModelName.Validate(name);
        var who = _repository.Identity();
        var commit = WriteChange(snapshot =>
        {
            var view = Permit(snapshot, Policy.PolicyAction.Delete);
            var model = view.GetModel(name);
            var state = StageRules.LiveVersion(model, version);
            var aliases = model.Aliases.Where(a => a.Value == version).Select(a => a.Key).ToList();
            if (aliases.Count > 0)
            {
                throw new RegistryException(ErrorKind.Conflict,
                    $"version {version} of {name} cannot be deleted: the alias{(aliases.Count > 1 ? "es" : "")} {string.Join(", ", aliases)} point{(aliases.Count > 1 ? "" : "s")} at it",
                    $"move or delete the alias first: gitreg alias delete {name} {aliases[0]}");
            }
            state.Deleted = new DeletionRecord { At = Now(), By = who, Comment = comment };
            return ModelWrite(view, model, $"Delete {name} version {version}", comment, Trailers("delete", name, version));
        });
        return new WriteResult(commit, $"deleted {name} version {version}");
    }

    /// <summary>
    /// When set, every write fetches this remote first, commits on top of the remote branch's tip and pushes,
    /// redoing the write on the new tip when another writer pushed first.
    /// </summary>
    public string? PushRemote { get; set; }

    private string? WriteChange(Func<RegistrySnapshot, PendingWrite?> build) => _repository.Write(build, PushRemote);

    // ---- validation ------------------------------------------------------------------------------------

    /// <summary>Checks every file against its schema and the cross-file rules; returns every problem found.</summary>
    /// <param name="revision">The commit to validate; the branch tip when null.</param>
    /// <param name="useCache">
    /// Skip what passed in an earlier run, unchanged since (model folders and manifests, recorded by git id in the
    /// git directory); false checks every file from scratch.
    /// </param>
    public IReadOnlyList<DocumentProblem> Validate(string? revision = null, bool useCache = true)
    {
        var snapshot = revision is null ? _repository.Snapshot() : _repository.SnapshotAt(revision);
        return RegistryValidator.Validate(snapshot, useCache && snapshot.GitDirectory is { } git ? ValidationCache.Load(git) : null);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static PendingWrite ModelWrite(RegistryView view, ModelState model, string subject, string? body, List<KeyValuePair<string, string>> trailers) =>
        new(subject, body, trailers, new Dictionary<string, string?> { [RegistryPaths.ModelFile(model.Name)] = WriteModel(view.Config, model) });

    private static string WriteModel(RegistryConfig config, ModelState model)
    {
        var path = RegistryPaths.ModelFile(model.Name);
        var problems = RegistryValidator.CheckModel(config, model, path);
        if (problems.Count > 0)
        {
            throw new DocumentException(problems);
        }
        return DocumentSerializer.Write(DocumentKind.Model, model, path);
    }

    private static List<KeyValuePair<string, string>> Trailers(string action, string name, int? version)
    {
        var trailers = new List<KeyValuePair<string, string>> { new("Registry-Action", action), new("Registry-Model", name) };
        if (version is not null)
        {
            trailers.Add(new("Registry-Version", version.Value.ToString(CultureInfo.InvariantCulture)));
        }
        return trailers;
    }

    internal static Dependencies ReadDependencies(string path)
    {
        if (!File.Exists(path))
        {
            throw new RegistryException(ErrorKind.NotFound, $"the dependencies file '{path}' does not exist", "check the path given to --requirements");
        }
        var bytes = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // Small text files are kept whole so a reviewer sees them in the manifest; large ones by hash only.
        string? content = bytes.Length <= 256 * 1024 && !bytes.Contains((byte)0) ? Encoding.UTF8.GetString(bytes) : null;
        return new Dependencies { FileName = Path.GetFileName(path), Sha256 = sha, Content = content };
    }

    internal static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9_.:/\-]{1,128}\z")]
    private static partial Regex TagKey();

    /// <inheritdoc/>
    public void Dispose() => _repository.Dispose();
}

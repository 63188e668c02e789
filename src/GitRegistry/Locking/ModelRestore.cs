using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Reading;
using GitRegistry.Storage;
using GitRegistry.Stores;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Locking;

/// <summary>
/// The lock rules, NuGet's applied to models: each request (a model URI) is pinned in <c>models.lock.json</c> to one
/// version, registry commit and artifact sha256. An unchanged request uses its locked version without opening the
/// registry; a new or changed one is resolved and locked; locked mode resolves everything and fails on any
/// difference; update mode re-resolves. Artifacts go into the per-user cache and every copy is checked against the
/// sha256 the lock and the manifest pin: a mismatch is always an error.
/// </summary>
public sealed class ModelRestore : IDisposable
{
    private readonly RestoreOptions _options;
    private readonly string _cacheRoot;
    private readonly ArtifactCache _cache;
    private Registry? _registry;

    private ModelRestore(RestoreOptions options)
    {
        _options = options;
        _cacheRoot = options.CacheRoot ?? ArtifactCache.DefaultRoot();
        _cache = new ArtifactCache(_cacheRoot);
    }

    /// <summary>Restores: decides each model's version, fetches and checks artifacts, writes the lock and manifests.</summary>
    public static RestoreResult Run(RestoreOptions options)
    {
        using var restore = new ModelRestore(options);
        return restore.Execute();
    }

    /// <summary>Parses a requested model URI; a malformed one is a <see cref="RestoreCodes.InvalidRequest"/> failure.</summary>
    public static ModelUri ParseRequest(string request)
    {
        if (ModelUri.TryParse(request, out var uri, out var error))
        {
            return uri;
        }
        throw new RestoreException(RestoreCodes.InvalidRequest, ErrorKind.Usage, $"'{request}' is not a model request: {error}",
            "write <ModelReference Include=\"NAME\" Stage=\"Production\" /> (or Version=\"7\", or Alias=\"champion\") with a valid model name");
    }

    private string UpdateHint => $"update the lock: dotnet build -p:GitRegistryUpdateLock=true, or gitreg lock update --lock \"{_options.LockPath}\" --registry \"{_options.Registry}\"";

    private RestoreResult Execute()
    {
        var existing = ReadLock();
        var requests = _options.Requests
            ?? existing?.Models.Select(m => ParseLocked(m.Key, m.Value.Request)).ToList()
            ?? throw new RestoreException(RestoreCodes.LockUnreadable, ErrorKind.NotFound, $"there is no lock file at {_options.LockPath}", "build the project once to create it, or pass --lock PATH");
        CheckUnique(requests);
        if (_options.UpdateOnly?.FirstOrDefault(n => requests.All(r => r.Name != n)) is { } unknown)
        {
            throw new RestoreException(RestoreCodes.InvalidRequest, ErrorKind.NotFound, $"{unknown} is not in {_options.LockPath}",
                $"name a locked model ({string.Join(", ", requests.Select(r => r.Name))}), or add a ModelReference for it and build");
        }
        var locked = existing?.Models ?? new SortedDictionary<string, LockedModel>(StringComparer.Ordinal);
        var requested = requests.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var removed = locked.Keys.Where(n => !requested.Contains(n)).ToList();
        if (_options.Mode == LockMode.Locked)
        {
            CheckLockCovers(existing, requests, removed);
        }

        var decided = requests.Select(request => Decide(request, locked.GetValueOrDefault(request.Name))).ToList();
        if (_options.Mode == LockMode.Locked)
        {
            var moved = decided.Where(d => d.Previous is not null).ToList();
            if (moved.Count > 0)
            {
                throw new RestoreException(RestoreCodes.ModelMoved, ErrorKind.Conflict,
                    "locked mode: the registry no longer gives the locked versions: " +
                    string.Join("; ", moved.Select(d => $"{d.Name} moved from version {d.Previous} to version {d.Entry.Version} ({d.Entry.Request})")),
                    UpdateHint);
            }
        }

        var models = decided.Select(d => _options.FetchArtifacts ? Materialize(d) : new RestoredModel(d.Name, d.Entry, d.Status, d.Previous, null, null, d.Info?.Manifest.Signature)).ToList();
        var written = false;
        if (_options.Mode != LockMode.Locked)
        {
            var updated = new ModelsLock();
            foreach (var model in models)
            {
                updated.Models[model.Name] = model.Locked;
            }
            written = updated.Write(_options.LockPath);
        }
        return new RestoreResult(_options.LockPath, written, _registry is not null, models, removed);
    }

    private ModelsLock? ReadLock()
    {
        try
        {
            return ModelsLock.Read(_options.LockPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new RestoreException(RestoreCodes.LockUnreadable, ErrorKind.Validation, e.Message,
                $"fix the file, or delete it and build again to lock the current versions (schema: schema/models-lock.schema.json)", e);
        }
    }

    private ModelUri ParseLocked(string name, string request)
    {
        if (!ModelUri.TryParse(request, out var uri, out var error) || uri.Name != name)
        {
            throw new RestoreException(RestoreCodes.LockUnreadable, ErrorKind.Validation, $"{_options.LockPath}: the request of '{name}' ('{request}') is not a model URI of that model: {error}",
                "fix the entry, or delete the lock and build again");
        }
        return uri;
    }

    private static void CheckUnique(IReadOnlyList<ModelUri> requests)
    {
        var twice = requests.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new RestoreException(RestoreCodes.InvalidRequest, ErrorKind.Usage,
                $"{twice.Key} is requested more than once ({string.Join(", ", twice)})", "keep one ModelReference per model");
        }
    }

    private void CheckLockCovers(ModelsLock? existing, IReadOnlyList<ModelUri> requests, List<string> removed)
    {
        if (existing is null)
        {
            throw new RestoreException(RestoreCodes.LockOutOfDate, ErrorKind.Conflict,
                $"locked mode needs a lock file and there is none at {_options.LockPath}",
                "create it outside locked mode (dotnet build -p:GitRegistryLockedMode=false, or -p:GitRegistryUpdateLock=true) and commit it");
        }
        var differences = new List<string>();
        foreach (var request in requests)
        {
            if (!existing.Models.TryGetValue(request.Name, out var entry))
            {
                differences.Add($"{request} is not in the lock");
            }
            else if (entry.Request != request.ToString())
            {
                differences.Add($"{request.Name} is requested as {request}, the lock has {entry.Request}");
            }
        }
        differences.AddRange(removed.Select(n => $"the lock has {n}, which is no longer requested"));
        if (differences.Count > 0)
        {
            throw new RestoreException(RestoreCodes.LockOutOfDate, ErrorKind.Conflict,
                $"the model references differ from {ModelsLock.FileName} (locked mode): {string.Join("; ", differences)}",
                "update the lock: dotnet build -p:GitRegistryUpdateLock=true, and commit it");
        }
    }

    private Decision Decide(ModelUri request, LockedModel? entry)
    {
        var unchanged = entry is not null && entry.Request == request.ToString();
        var keep = _options.Mode switch
        {
            LockMode.Default => unchanged,
            LockMode.Update => unchanged && _options.UpdateOnly is { Count: > 0 } only && !only.Contains(request.Name),
            _ => false,
        };
        if (keep)
        {
            return new Decision(request.Name, entry!, RestoreStatus.Locked, null, null);
        }
        var info = Resolve(request);
        var resolved = Lock(request, info);
        if (entry is null || !unchanged)
        {
            return new Decision(request.Name, resolved, entry is null ? RestoreStatus.Added : RestoreStatus.Updated, entry?.Version, info);
        }
        if (entry.Version != resolved.Version)
        {
            return new Decision(request.Name, resolved, RestoreStatus.Updated, entry.Version, info);
        }
        if (entry.Artifact.Sha256 != resolved.Artifact.Sha256)
        {
            throw ManifestMismatch(request.Name, entry, info.Manifest);
        }
        // Same version: keep the entry as locked (its registry commit) so a no-change update leaves the file alone.
        return new Decision(request.Name, entry, RestoreStatus.Verified, null, info);
    }

    private static LockedModel Lock(ModelUri request, ModelVersionInfo info) => new()
    {
        Request = request.ToString(),
        Version = info.Version,
        RegistryCommit = info.CommitId,
        Artifact = new LockedArtifact
        {
            Uri = info.Manifest.Artifact.Uri,
            Sha256 = info.Manifest.Artifact.Sha256,
            Size = info.Manifest.Artifact.Size,
            FileName = info.Manifest.Artifact.FileName,
        },
    };

    private RestoredModel Materialize(Decision decision)
    {
        var (name, entry) = (decision.Name, decision.Entry);
        var sha256 = entry.Artifact.Sha256;
        var info = decision.Info;
        var manifestCache = _cache.ManifestPath(name, entry.Version, sha256);
        var manifestJson = info is not null ? ManifestJson(info) : File.Exists(manifestCache) ? File.ReadAllText(manifestCache) : null;

        var cached = _cache.Check(sha256);
        if (cached is { } actual && (actual.Sha256 != sha256 || actual.Size != entry.Artifact.Size))
        {
            var path = _cache.ArtifactPath(sha256);
            throw new RestoreException(RestoreCodes.ArtifactAltered, ErrorKind.Artifact,
                $"the cached artifact of {name} version {entry.Version} has been altered: {path} hashes to {actual.Sha256} ({actual.Size} bytes), the lock pins {sha256} ({entry.Artifact.Size} bytes)",
                $"delete {path} and build again to fetch it from the registry");
        }
        if (cached is null || manifestJson is null)
        {
            info ??= ResolveLocked(name, entry);
            if (info.Manifest.Artifact.Sha256 != sha256)
            {
                throw ManifestMismatch(name, entry, info.Manifest);
            }
            if (cached is null)
            {
                Fetch(name, info);
            }
            manifestJson ??= ManifestJson(info);
        }
        var manifest = DocumentSerializer.Convert<ModelVersion>(JToken.Parse(manifestJson));
        if (manifest.Name != name || manifest.Version != entry.Version || manifest.Artifact.Sha256 != sha256)
        {
            throw ManifestMismatch(name, entry, manifest);
        }
        ArtifactCache.WriteIfChanged(manifestCache, manifestJson);
        string? manifestPath = null;
        if (_options.ManifestDirectory is { } directory)
        {
            manifestPath = Path.GetFullPath(Path.Combine(directory, name, "manifest.json"));
            ArtifactCache.WriteIfChanged(manifestPath, manifestJson);
        }
        return new RestoredModel(name, entry, decision.Status, decision.Previous, _cache.ArtifactPath(sha256), manifestPath, manifest.Signature);
    }

    private void Fetch(string name, ModelVersionInfo info)
    {
        var registry = Registry;
        var artifact = info.Manifest.Artifact;
        if (registry.ArtifactStore() is LocalArtifactStore local && local.CanRead(artifact.Uri) && !File.Exists(local.BlobPath(artifact.Sha256)))
        {
            throw new RestoreException(RestoreCodes.ArtifactUnavailable, ErrorKind.Artifact,
                $"the artifact of {name} version {info.Version} ({artifact.Uri}) is not in the registry's artifact store at {local.Root}",
                "point GITREG_ARTIFACT_STORE (MSBuild: GitRegistryArtifactStore) or the registry's artifact_store.path at the store that holds it");
        }
        try
        {
            _cache.Add(registry, info);
        }
        catch (RegistryException e) when (e is not RestoreException)
        {
            var code = e.Kind == ErrorKind.Artifact && registry.ArtifactStore().CanRead(artifact.Uri) ? RestoreCodes.ArtifactAltered : RestoreCodes.ArtifactUnavailable;
            throw new RestoreException(code, ErrorKind.Artifact, $"fetching the artifact of {name} version {info.Version} failed: {e.Message}", e.Fix ?? "check the registry's artifact store", e);
        }
    }

    private RestoreException ManifestMismatch(string name, LockedModel entry, ModelVersion manifest) =>
        new(RestoreCodes.LockManifestMismatch, ErrorKind.Artifact,
            $"the lock pins {name} version {entry.Version} with sha256 {entry.Artifact.Sha256}, but the registry's manifest of {manifest.Name} version {manifest.Version} records sha256 {manifest.Artifact.Sha256}",
            $"find out why the registry or the lock changed (git log of both); if the registry is right: {UpdateHint}");

    private static string ManifestJson(ModelVersionInfo info) =>
        DocumentSerializer.ToToken(info.Manifest).ToString(Formatting.Indented).ReplaceLineEndings("\n") + "\n";

    private ModelVersionInfo Resolve(ModelUri request) => Guard(request.ToString(), () => Registry.Resolve(request));

    private ModelVersionInfo ResolveLocked(string name, LockedModel entry)
    {
        var uri = new ModelUri(name, ModelUriKind.Version, entry.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Guard(uri.ToString(), () =>
        {
            try
            {
                // The registry as it was when locked: the version was live then even if it has been deleted since.
                return Registry.ResolveAt(uri, entry.RegistryCommit);
            }
            catch (NotFoundException)
            {
                // The locked commit may come from a clone that was never pushed; the sha256 checks still hold at the tip.
                return Registry.Resolve(uri);
            }
        });
    }

    private Registry Registry => _registry ??= Guard(_options.Registry, () => Registry.Open(RegistryLocation.Materialize(_options.Registry, _cacheRoot)));

    private static T Guard<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (RegistryException e) when (e is not RestoreException)
        {
            var code = e.Kind switch
            {
                ErrorKind.Usage => RestoreCodes.InvalidRequest,
                ErrorKind.NotFound => RestoreCodes.Unresolvable,
                ErrorKind.Artifact => RestoreCodes.ArtifactUnavailable,
                _ => RestoreCodes.RegistryUnavailable,
            };
            throw new RestoreException(code, e.Kind, $"{what}: {e.Message}", e.Fix ?? "check the registry (gitreg validate)", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LibGit2Sharp.LibGit2SharpException)
        {
            throw new RestoreException(RestoreCodes.RegistryUnavailable, ErrorKind.Repository, $"{what}: {e.Message}", "check that the registry path or URL is right and readable", e);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _registry?.Dispose();

    private sealed record Decision(string Name, LockedModel Entry, RestoreStatus Status, int? Previous, ModelVersionInfo? Info);
}

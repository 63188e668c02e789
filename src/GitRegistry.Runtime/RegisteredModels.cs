using System.Collections.Concurrent;
using GitRegistry.Locking;
using GitRegistry.Runtime.Manifests;

namespace GitRegistry.Runtime;

/// <summary>
/// The models a build pinned next to an app: <c>models/models.lock.json</c>, and for each model
/// <c>models/NAME/manifest.json</c> and its artifact <c>models/NAME/FILE</c>. The first access to a model checks
/// its artifact's sha256 against the lock; a missing or altered file throws <see cref="ModelArtifactException"/>.
/// </summary>
public sealed class RegisteredModels
{
    /// <summary>The folder under the app's base directory that the build copies models into.</summary>
    public const string FolderName = "models";

    private static readonly Lazy<RegisteredModels> InOutput = new(() => Open(Path.Combine(AppContext.BaseDirectory, FolderName)));

    private readonly ConcurrentDictionary<string, RegisteredModel> _verified = new(StringComparer.Ordinal);

    private RegisteredModels(string directory, ModelsLock lockFile)
    {
        Directory = directory;
        Lock = lockFile;
    }

    /// <summary>The models folder read.</summary>
    public string Directory { get; }

    /// <summary>The lock the build copied next to the app.</summary>
    public ModelsLock Lock { get; }

    /// <summary>The names of the pinned models.</summary>
    public IReadOnlyCollection<string> Names => Lock.Models.Keys;

    /// <summary>The pinned models of this app (<c>AppContext.BaseDirectory/models</c>).</summary>
    public static RegisteredModels Default => InOutput.Value;

    /// <summary>The pinned model <paramref name="name"/> of this app, its artifact verified on first access.</summary>
    public static RegisteredModel Get(string name) => Default.GetModel(name);

    /// <summary>Opens a models folder laid out by the build (for tests and apps that move it).</summary>
    public static RegisteredModels Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        var lockPath = Path.Combine(full, ModelsLock.FileName);
        try
        {
            var lockFile = ModelsLock.Read(lockPath)
                ?? throw new ModelArtifactException($"{lockPath} does not exist: this app was built without models; add a ModelReference (and the GitRegistry.Build package) to the project and build it");
            return new RegisteredModels(full, lockFile);
        }
        catch (InvalidDataException e)
        {
            throw new ModelArtifactException($"{e.Message}; build the app again to restore it", e);
        }
    }

    /// <summary>The pinned model <paramref name="name"/>; the first call checks the artifact's sha256 against the lock.</summary>
    public RegisteredModel GetModel(string name)
    {
        if (_verified.TryGetValue(name, out var model))
        {
            return model;
        }
        if (!Lock.Models.TryGetValue(name, out var locked))
        {
            throw new ModelNotPinnedException(name, Lock.Models.Keys);
        }
        // Failures are not cached: a file restored by a redeploy is accepted on the next call.
        return _verified.GetOrAdd(name, Verify(name, locked));
    }

    private RegisteredModel Verify(string name, LockedModel locked)
    {
        var folder = Path.Combine(Directory, name);
        var artifactPath = Path.Combine(folder, locked.Artifact.FileName);
        var manifestPath = Path.Combine(folder, "manifest.json");
        if (!File.Exists(artifactPath))
        {
            throw new ModelArtifactException($"the artifact of {name} version {locked.Version} is missing: {artifactPath}; build or publish the app again so the build copies it");
        }
        var (sha256, size) = ArtifactHash.Of(artifactPath);
        if (sha256 != locked.Artifact.Sha256 || size != locked.Artifact.Size)
        {
            throw new ModelArtifactException(
                $"the artifact of {name} version {locked.Version} has been altered: {artifactPath} hashes to {sha256} ({size} bytes), " +
                $"models.lock.json pins {locked.Artifact.Sha256} ({locked.Artifact.Size} bytes); build or publish the app again to restore the pinned file");
        }
        ModelManifest manifest;
        try
        {
            manifest = ModelManifest.Parse(File.ReadAllText(manifestPath), manifestPath);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new ModelArtifactException($"the manifest of {name} cannot be read: {e.Message}; build the app again", e);
        }
        if (manifest.Name != name || manifest.Version != locked.Version || manifest.Artifact.Sha256 != locked.Artifact.Sha256)
        {
            throw new ModelArtifactException(
                $"{manifestPath} describes {manifest.Name} version {manifest.Version} (sha256 {manifest.Artifact.Sha256}), but models.lock.json pins " +
                $"{name} version {locked.Version} (sha256 {locked.Artifact.Sha256}); build the app again");
        }
        return new RegisteredModel
        {
            Name = name,
            Version = locked.Version,
            Request = locked.Request,
            RegistryCommit = locked.RegistryCommit,
            Sha256 = sha256,
            ArtifactPath = artifactPath,
            Manifest = manifest,
        };
    }
}

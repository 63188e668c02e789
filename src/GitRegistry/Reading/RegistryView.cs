using GitRegistry.Configuration;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Storage;

namespace GitRegistry.Reading;

/// <summary>Typed, schema-checked reads of one snapshot: the configuration, models and manifests it holds.</summary>
internal sealed class RegistryView(RegistrySnapshot snapshot)
{
    private RegistryConfig? _config;

    public RegistrySnapshot Snapshot => snapshot;

    public RegistryConfig Config => _config ??= LoadConfig();

    private RegistryConfig LoadConfig()
    {
        var text = snapshot.ReadFile(RegistryConfig.FileName)
            ?? throw new RegistryException(ErrorKind.Repository, $"this repository has no {RegistryConfig.FileName}, so it is not a registry",
                "create one with 'gitreg init', or pass --registry PATH to an existing registry");
        return DocumentSerializer.Read<RegistryConfig>(DocumentKind.Registry, text, RegistryConfig.FileName);
    }

    public IReadOnlyList<string> ModelNames() =>
        snapshot.List(RegistryPaths.Models, folders: true).Where(ModelName.IsValid).Order(StringComparer.Ordinal).ToList();

    public ModelState? FindModel(string name)
    {
        if (!ModelName.IsValid(name))
        {
            return null;
        }
        var path = RegistryPaths.ModelFile(name);
        var text = snapshot.ReadFile(path);
        return text is null ? null : DocumentSerializer.Read<ModelState>(DocumentKind.Model, text, path);
    }

    public ModelState GetModel(string name)
    {
        ModelName.Validate(name);
        return FindModel(name) ?? throw new NotFoundException($"no model named '{name}' in the registry", Existing("models", ModelNames()));
    }

    public ModelVersion GetManifest(string name, int version)
    {
        var path = RegistryPaths.VersionFile(name, version);
        var text = snapshot.ReadFile(path)
            ?? throw new NotFoundException($"{name} has no version {version}", "list the versions with: gitreg versions " + name);
        return DocumentSerializer.Read<ModelVersion>(DocumentKind.ModelVersion, text, path);
    }

    /// <summary>The highest version number ever registered for the model (manifests are never removed), or 0.</summary>
    public int HighestVersion(string name, ModelState? model)
    {
        var fromFiles = snapshot.List(RegistryPaths.VersionsFolder(name), folders: false)
            .Select(f => RegistryPaths.TryParseVersionFile(f, out var v) ? v : 0)
            .DefaultIfEmpty(0).Max();
        var fromState = model?.Versions.Keys.DefaultIfEmpty(0).Max() ?? 0;
        return Math.Max(fromFiles, fromState);
    }

    public ModelVersionInfo Info(ModelState model, int version) =>
        new(GetManifest(model.Name, version), model.Versions[version],
            model.Aliases.Where(a => a.Value == version).Select(a => a.Key).ToList(), snapshot.CommitId ?? "");

    public static string Existing(string what, IEnumerable<string> names)
    {
        var list = names.Take(30).ToList();
        return list.Count == 0 ? $"there are no {what} yet" : $"existing {what}: {string.Join(", ", list)}";
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitRegistry.Build;

/// <summary>
/// <c>obj/.../gitregistry/restore.json</c>: what the last restore produced (which files to copy where). It is the
/// restore target's output, so its timestamp is what makes a no-op build skip the restore, and the collect target
/// reads it on every build (and in design-time builds) to add the items.
/// </summary>
internal sealed class RestoredModelsFile
{
    public required string LockPath { get; init; }

    public string? CatalogPath { get; init; }

    public List<Entry> Models { get; init; } = [];

    public static RestoredModelsFile? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), RestoredModelsJson.Default.RestoredModelsFile);
        }
        catch (JsonException)
        {
            // A damaged stamp only means: restore again.
            return null;
        }
    }

    /// <summary>Always writes (the new timestamp marks the restore done).</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, RestoredModelsJson.Default.RestoredModelsFile));
    }

    public sealed class Entry
    {
        public required string Name { get; init; }

        public required int Version { get; init; }

        public required string Sha256 { get; init; }

        /// <summary>The verified artifact in the per-user cache.</summary>
        public required string ArtifactPath { get; init; }

        public required string FileName { get; init; }

        /// <summary>The manifest JSON written under obj/ for the runtime.</summary>
        public required string ManifestPath { get; init; }

        [JsonIgnore]
        public string Folder => $"models/{Name}/";
    }
}

/// <summary>Source-generated JSON for <see cref="RestoredModelsFile"/>: no reflection warm-up in every no-op build.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RestoredModelsFile))]
internal sealed partial class RestoredModelsJson : JsonSerializerContext;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GitRegistry.Locking;

/// <summary>
/// <c>models.lock.json</c>: which exact version (and artifact bytes) each model a project references was resolved
/// to, like NuGet's <c>packages.lock.json</c>. Its schema is <c>schema/models-lock.schema.json</c>. The build
/// writes it next to the project and copies it next to the app, where the runtime checks artifacts against it.
/// </summary>
public sealed class ModelsLock
{
    /// <summary>The file name, next to the project and under the output's <c>models/</c> folder.</summary>
    public const string FileName = "models.lock.json";

    /// <summary>The layout version this library reads and writes.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        // The lock is read by people in diffs: keep '+' and '<' as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The layout version; 1 is the only one.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>The locked models by name, in ordinal order.</summary>
    public SortedDictionary<string, LockedModel> Models { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Parses a lock file's text; throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static ModelsLock Parse(string json, string file)
    {
        ModelsLock? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ModelsLock>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not a valid lock file: {e.Message}", e);
        }
        if (parsed is null)
        {
            throw new InvalidDataException($"{file} is empty");
        }
        if (parsed.Format != CurrentFormat)
        {
            throw new InvalidDataException($"{file} has format {parsed.Format}; this version of GitRegistry reads format {CurrentFormat}");
        }
        foreach (var (name, model) in parsed.Models)
        {
            if (model.Artifact is null || model.Request is null || model.RegistryCommit is null || model.Version < 1)
            {
                throw new InvalidDataException($"{file}: the entry for '{name}' lacks request, version, registry_commit or artifact");
            }
            if (model.Artifact.Sha256 is not { Length: 64 } sha || !sha.All(char.IsAsciiHexDigitLower))
            {
                throw new InvalidDataException($"{file}: the sha256 of '{name}' is not 64 lowercase hex characters");
            }
            if (model.Artifact.FileName is not { Length: > 0 } fileName || fileName.IndexOfAny(['/', '\\']) >= 0 || fileName is "." or "..")
            {
                throw new InvalidDataException($"{file}: the file_name of '{name}' must be a plain file name");
            }
        }
        return parsed;
    }

    /// <summary>Reads a lock file; null when it does not exist.</summary>
    public static ModelsLock? Read(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : null;

    /// <summary>The file's text: indented, models sorted by name, ending in a newline, so equal locks are equal bytes.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json).ReplaceLineEndings("\n") + "\n";

    /// <summary>Writes the lock, only when its text changes (an unchanged file keeps its timestamp for incremental builds); true when written.</summary>
    public bool Write(string path)
    {
        var text = ToJson();
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
        return true;
    }
}

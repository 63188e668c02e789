using GitRegistry.Manifests;

namespace GitRegistry.Registration;

/// <summary>Everything a new version is registered with; the registry adds the version number, time, author and artifact hash.</summary>
public sealed class RegistrationRequest
{
    /// <summary>The model's name (created on first registration).</summary>
    public required string Name { get; init; }

    /// <summary>The artifact file to store in the registry's artifact store; or set <see cref="ArtifactUri"/> instead.</summary>
    public string? ArtifactPath { get; init; }

    /// <summary>An artifact already in a store (<c>file://</c>, <c>https://</c>, ...), read once to hash it; instead of <see cref="ArtifactPath"/>.</summary>
    public string? ArtifactUri { get; init; }

    /// <summary>With <see cref="ArtifactUri"/>: the sha256 the artifact should have; registration fails when the bytes hash otherwise.</summary>
    public string? Sha256 { get; init; }

    /// <summary>onnx, mlnet, pickle, savedmodel or other; inferred from the file extension when null.</summary>
    public string? Format { get; init; }

    /// <summary>Hyperparameters.</summary>
    public IDictionary<string, object> Params { get; init; } = new Dictionary<string, object>();

    /// <summary>Metrics by split.</summary>
    public IDictionary<string, IDictionary<string, double>> Metrics { get; init; } = new Dictionary<string, IDictionary<string, double>>();

    /// <summary>Training data lineage.</summary>
    public DataLineage? Data { get; init; }

    /// <summary>Preprocessing lineage.</summary>
    public Preprocessing? Preprocessing { get; init; }

    /// <summary>The training code commit.</summary>
    public string? CodeCommit { get; init; }

    /// <summary>A requirements.txt / conda.yaml / packages.lock.json to pin as the inference dependencies.</summary>
    public string? RequirementsPath { get; init; }

    /// <summary>Input/output signature.</summary>
    public ModelSignature? Signature { get; init; }

    /// <summary>Tags.</summary>
    public IDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>The run it came from.</summary>
    public RunInfo? Run { get; init; }

    /// <summary>Receives the number of artifact bytes stored so far.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>The artifact's file name: the file's, or the last segment of its URI's path.</summary>
    public string ArtifactFileName()
    {
        if ((ArtifactPath is null) == (ArtifactUri is null))
        {
            throw new RegistryException(ErrorKind.Usage, "a registration needs exactly one of an artifact file and an artifact URI",
                "pass --artifact FILE to store a file, or --artifact-uri URI for one already in a store");
        }
        if (ArtifactPath is not null)
        {
            return Path.GetFileName(ArtifactPath);
        }
        var name = Uri.TryCreate(ArtifactUri, UriKind.Absolute, out var uri) ? Uri.UnescapeDataString(uri.Segments[^1]) : "";
        return name.Length == 0 || name.EndsWith('/') ? "artifact" : name;
    }

    /// <summary>The artifact format for a file name, by its extension.</summary>
    public static string InferFormat(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".onnx" => "onnx",
        ".zip" or ".mlnet" => "mlnet",
        ".pkl" or ".pickle" or ".joblib" => "pickle",
        ".pb" => "savedmodel",
        _ => "other",
    };
}

using System.Globalization;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitRegistry.Import;

/// <summary>
/// One of MLflow's <c>meta.yaml</c> files, as PyYAML wrote it (YAML 1.1, keys sorted). Scalars keep their text, so
/// that a run id of digits stays a string and <c>current_stage: None</c> is the string MLflow means (PyYAML's null
/// is <c>null</c>, <c>~</c> or empty); keys this importer does not know (MLflow 3's <c>model_id</c>,
/// <c>deployment_job_state</c>...) are kept as text or JSON for the manifest's imported fields.
/// </summary>
internal sealed class MlflowMeta
{
    private const int MaxBytes = 4 * 1024 * 1024;
    private readonly Dictionary<string, YamlNode?> _values;

    private MlflowMeta(string path, Dictionary<string, YamlNode?> values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The keys, in file order.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>Reads a meta.yaml; throws a validation error naming the file when it is not a YAML mapping.</summary>
    public static MlflowMeta Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new RegistryException(ErrorKind.NotFound, $"{path} does not exist", "point at the folder MLflow's file store writes (the one holding models/ and the experiment folders)");
        }
        if (info.Length > MaxBytes)
        {
            throw new RegistryException(ErrorKind.Validation, $"{path} is {info.Length / 1024} KiB, more than an MLflow meta.yaml ever is", "check that this is MLflow's file store");
        }
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new RegistryException(ErrorKind.Validation, $"{path} is not valid YAML (line {e.Start.Line}): {e.Message}", "repair or remove the file; MLflow writes it with PyYAML");
        }
        var values = new Dictionary<string, YamlNode?>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0)
        {
            return new MlflowMeta(path, values);
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new RegistryException(ErrorKind.Validation, $"{path} does not hold a YAML mapping", "repair or remove the file; MLflow writes a mapping of fields");
        }
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                values[name] = IsNull(value) ? null : value;
            }
        }
        return new MlflowMeta(path, values);
    }

    /// <summary>True when the key is present with a non-null value.</summary>
    public bool Has(string key) => _values.TryGetValue(key, out var value) && value is not null;

    /// <summary>A scalar's text, or null when absent or null.</summary>
    public string? Text(string key) => _values.TryGetValue(key, out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>A scalar's integer value, or null when absent, null or not an integer.</summary>
    public long? Integer(string key) =>
        long.TryParse(Text(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Any value as text: a scalar's text, a sequence or mapping as compact JSON; null when absent or null.</summary>
    public string? AsText(string key) => _values.TryGetValue(key, out var value) && value is not null
        ? value is YamlScalarNode scalar ? scalar.Value : ToJson(value).ToString(Newtonsoft.Json.Formatting.None)
        : null;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>A structure as JSON; MLflow writes shallow ones, so anything deeper than 32 levels (a YAML alias loop) is refused.</summary>
    private JToken ToJson(YamlNode node, int depth = 0) => depth > 32
        ? throw new RegistryException(ErrorKind.Validation, $"{Path} nests values more than 32 levels deep", "MLflow never writes such a file; repair or remove it")
        : node switch
        {
            YamlMappingNode mapping => new JObject(mapping.Children.Select(c => new JProperty((c.Key as YamlScalarNode)?.Value ?? "", ToJson(c.Value, depth + 1)))),
            YamlSequenceNode sequence => new JArray(sequence.Children.Select(c => ToJson(c, depth + 1))),
            _ when IsNull(node) => JValue.CreateNull(),
            YamlScalarNode scalar => new JValue(scalar.Value),
            _ => new JValue(node.ToString()),
        };
}

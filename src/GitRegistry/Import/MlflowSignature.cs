using System.Globalization;
using GitRegistry.Manifests;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Import;

/// <summary>
/// Reads the signature of an MLflow model (its MLmodel file's <c>signature.inputs</c> and <c>outputs</c>, JSON
/// text) as the manifest's columns: column specs keep their name and type, tensor specs their dtype and shape.
/// The model's flavors are kept in the imported fields (<c>mlmodel.flavors</c>), since the archive is not one
/// of the registry's formats.
/// </summary>
internal static class MlflowSignature
{
    private static readonly Dictionary<string, string> TensorTypes = new(StringComparer.Ordinal)
    {
        ["float64"] = "double", ["float32"] = "float", ["float16"] = "float", ["int64"] = "long", ["int32"] = "integer",
        ["int16"] = "integer", ["int8"] = "integer", ["uint8"] = "integer", ["uint16"] = "integer", ["uint32"] = "long",
        ["bool"] = "boolean", ["str"] = "string", ["object"] = "string", ["bytes"] = "binary", ["datetime64[ns]"] = "datetime",
    };

    private static readonly HashSet<string> ColumnTypes = ["boolean", "integer", "long", "float", "double", "string", "binary", "datetime"];

    /// <summary>The signature, or null (with <paramref name="problem"/> saying why when there was one that could not be mapped).</summary>
    public static ModelSignature? Read(string mlmodelPath, SortedDictionary<string, string> fields, out string? problem)
    {
        problem = null;
        MlflowMeta mlmodel;
        try
        {
            mlmodel = MlflowMeta.Read(mlmodelPath);
        }
        catch (RegistryException e)
        {
            problem = e.Message;
            return null;
        }
        if (mlmodel.AsText("flavors") is { } flavors && JToken.Parse(flavors) is JObject flavorObject)
        {
            fields["mlmodel.flavors"] = string.Join(", ", flavorObject.Properties().Select(p => p.Name));
        }
        if (mlmodel.AsText("signature") is not { } text || !text.TrimStart().StartsWith('{'))
        {
            return null;
        }
        try
        {
            var signature = JObject.Parse(text);
            return new ModelSignature
            {
                Inputs = Columns(signature["inputs"]),
                Outputs = Columns(signature["outputs"]),
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidCastException)
        {
            problem = e.Message;
            return null;
        }
    }

    private static List<Column> Columns(JToken? token)
    {
        if (token is null || token.Type == JTokenType.Null)
        {
            return [];
        }
        var specs = token.Type == JTokenType.String ? JArray.Parse((string)token!) : (JArray)token;
        var columns = new List<Column>();
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = (JObject)specs[i];
            var name = spec.Value<string>("name") is { Length: > 0 } n ? n : i.ToString(CultureInfo.InvariantCulture);
            var type = spec.Value<string>("type") ?? throw new FormatException($"column {i} has no type");
            bool? optional = spec["required"] is { Type: JTokenType.Boolean } required ? !(bool)required! : null;
            if (type == "tensor")
            {
                var tensor = spec["tensor-spec"] as JObject ?? throw new FormatException($"tensor {i} has no tensor-spec");
                var dtype = tensor.Value<string>("dtype") ?? "";
                columns.Add(new Column
                {
                    Name = name,
                    Type = TensorTypes.TryGetValue(dtype, out var mapped) ? mapped : throw new FormatException($"the tensor dtype '{dtype}' has no column type here"),
                    Shape = tensor["shape"] is JArray shape ? shape.Select(d => (long)d).ToList() : null,
                    Optional = optional == true ? true : null,
                });
                continue;
            }
            if (!ColumnTypes.Contains(type))
            {
                throw new FormatException($"the column type '{type}' of {name} has no equivalent here");
            }
            columns.Add(new Column { Name = name, Type = type, Optional = optional == true ? true : null });
        }
        return columns;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using GitRegistry.Documents;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Input;

/// <summary>Parses the key=value options and the params/metrics/signature files of <c>gitreg register</c>.</summary>
internal static partial class ValueParser
{
    /// <summary>Splits <c>key=value</c>; a usage error names the option when there is no '='.</summary>
    public static (string Key, string Value) KeyValue(string text, string option)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            throw new RegistryException(ErrorKind.Usage, $"{option} '{text}' is not of the form key=value", $"write e.g. {option} learning_rate=0.1");
        }
        return (text[..equals].Trim(), text[(equals + 1)..]);
    }

    /// <summary>
    /// A parameter value from the command line: true/false, an integer, or a number that prints back exactly as
    /// typed become typed values; anything else (e.g. <c>1.10</c>, <c>007</c>) stays text, so nothing is altered.
    /// </summary>
    public static object ParamValue(string text)
    {
        if (text is "true" or "false")
        {
            return text == "true";
        }
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            && real.ToString("R", CultureInfo.InvariantCulture) == text)
        {
            return real;
        }
        return text;
    }

    /// <summary>A metric value: a finite number, or a usage error naming the metric.</summary>
    public static double MetricValue(string text, string metric)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        throw new RegistryException(ErrorKind.Usage, $"the metric {metric} has the value '{text}', which is not a finite number", "write a number such as 0.91 (no NaN or Infinity)");
    }

    /// <summary>Reads a YAML or JSON file (JSON is YAML) into tokens, naming the file in any error.</summary>
    public static JToken ReadFile(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new RegistryException(ErrorKind.NotFound, $"the file '{path}' given to {option} does not exist", "check the path");
        }
        return DocumentSerializer.Parse(File.ReadAllText(path), path);
    }

    /// <summary>A params file: an object of scalars; nested objects are flattened with dots (optimizer.lr).</summary>
    public static IEnumerable<KeyValuePair<string, object>> ParamsFile(string path)
    {
        if (ReadFile(path, "--params-file") is not JObject root)
        {
            throw new RegistryException(ErrorKind.Usage, $"{path} must hold an object of parameter names to values", "write e.g. {\"learning_rate\": 0.1, \"max_depth\": 6}");
        }
        return Flatten(root, "", path);
    }

    private static IEnumerable<KeyValuePair<string, object>> Flatten(JObject obj, string prefix, string path)
    {
        foreach (var property in obj.Properties())
        {
            var key = prefix + property.Name;
            switch (property.Value)
            {
                case JObject inner:
                    foreach (var pair in Flatten(inner, key + ".", path))
                    {
                        yield return pair;
                    }
                    break;
                case JValue { Type: JTokenType.Integer } v:
                    yield return new(key, Convert.ToInt64(v.Value, CultureInfo.InvariantCulture));
                    break;
                case JValue { Type: JTokenType.Float } v:
                    yield return new(key, Convert.ToDouble(v.Value, CultureInfo.InvariantCulture));
                    break;
                case JValue { Type: JTokenType.Boolean } v:
                    yield return new(key, (bool)v.Value!);
                    break;
                case JValue { Type: JTokenType.String } v:
                    yield return new(key, (string)v.Value!);
                    break;
                case JValue { Type: JTokenType.Null }:
                    break;
                case JArray array:
                    // Lists (e.g. hidden layer sizes) are kept as their JSON text: params hold scalars only.
                    yield return new(key, array.ToString(Newtonsoft.Json.Formatting.None));
                    break;
                default:
                    throw new RegistryException(ErrorKind.Usage, $"{path}: the parameter {key} has an unsupported value", "use strings, numbers or booleans");
            }
        }
    }

    /// <summary>A metrics file: <c>{split: {metric: value}}</c>, or flat <c>{"split.metric": value}</c>.</summary>
    public static IEnumerable<(string Split, string Metric, double Value)> MetricsFile(string path)
    {
        if (ReadFile(path, "--metrics-file") is not JObject root)
        {
            throw new RegistryException(ErrorKind.Usage, $"{path} must hold an object of splits to metrics", "write e.g. {\"test\": {\"auc_roc\": 0.91}}");
        }
        foreach (var property in root.Properties())
        {
            if (property.Value is JObject split)
            {
                foreach (var metric in split.Properties())
                {
                    yield return (property.Name, metric.Name, Number(metric.Value, $"{property.Name}.{metric.Name}", path));
                }
            }
            else
            {
                var (splitName, metricName) = SplitMetric(property.Name, path);
                yield return (splitName, metricName, Number(property.Value, property.Name, path));
            }
        }
    }

    /// <summary>Splits <c>test.auc_roc</c> into split and metric.</summary>
    public static (string Split, string Metric) SplitMetric(string key, string where)
    {
        var dot = key.IndexOf('.');
        if (dot <= 0 || dot == key.Length - 1)
        {
            throw new RegistryException(ErrorKind.Usage, $"{where}: the metric '{key}' names no split", "write SPLIT.METRIC, e.g. test.auc_roc or validation.log_loss");
        }
        return (key[..dot], key[(dot + 1)..]);
    }

    private static double Number(JToken token, string metric, string path) => token.Type is JTokenType.Integer or JTokenType.Float
        ? token.Value<double>()
        : throw new RegistryException(ErrorKind.Usage, $"{path}: the metric {metric} is not a number", "write a number such as 0.91");

    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,17})$")]
    private static partial Regex IntegerPattern();
}

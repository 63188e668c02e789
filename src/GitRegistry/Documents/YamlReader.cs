using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitRegistry.Documents;

/// <summary>
/// Reads one YAML document into a JSON token tree, the shape JSON Schema validates.
/// Scalars resolve by the YAML 1.2 core schema (what ajv and most editors assume); every token carries
/// its YAML line so that schema errors can point at it. Anchors and aliases are refused outright: registry
/// files never need them, and refusing them makes alias-expansion bombs impossible.
/// </summary>
internal static partial class YamlReader
{
    /// <summary>Largest registry file we read; a manifest is a few kilobytes, so this is generous.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static JToken Read(string text, string file)
    {
        if (text.Length > MaxBytes)
        {
            throw Fail(file, 0, "", $"the file is {text.Length / 1024} KiB, more than the {MaxBytes / 1024 / 1024} MiB a registry file may be",
                "keep large content (dependency files, data) out of the manifest and reference it by path and sha256");
        }

        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw Fail(file, 0, "", "the file is empty", "write the document's fields; see the schema in schema/");
            }
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, "");
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                throw Fail(file, (int)(parser.Current?.Start.Line ?? 0), "", "the file holds more than one YAML document", "remove the '---' separator and everything after it");
            }
            return root;
        }
        catch (YamlException e)
        {
            throw Fail(file, (int)e.Start.Line, "", $"is not valid YAML: {e.Message}", "fix the syntax at that line");
        }
    }

    // path: where the node sits (tags.team), for messages; the token's own Path is empty until it is attached.
    private static JToken ReadNode(IParser parser, string file, string path)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the document");
        if (current is AnchorAlias alias)
        {
            throw Fail(file, (int)alias.Start.Line, path, $"uses the YAML alias '*{alias.Value}'", "write the value out in full: registry files do not allow anchors and aliases");
        }
        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            throw Fail(file, (int)anchored.Start.Line, path, $"uses the YAML anchor '&{anchored.Anchor}'", "write the value out in full: registry files do not allow anchors and aliases");
        }

        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return Annotate(ToValue(scalar, file, path), scalar.Start);
            case SequenceStart start:
            {
                parser.MoveNext();
                var array = Annotate(new JArray(), start.Start);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    array.Add(ReadNode(parser, file, $"{path}[{array.Count}]"));
                }
                return array;
            }
            case MappingStart start:
            {
                parser.MoveNext();
                var obj = Annotate(new JObject(), start.Start);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    if (parser.Current is not Scalar key)
                    {
                        throw Fail(file, (int)(parser.Current?.Start.Line ?? 0), "", "has a key that is not a plain text", "use plain text keys");
                    }
                    parser.MoveNext();
                    var keyPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
                    var value = ReadNode(parser, file, keyPath);
                    if (obj.ContainsKey(key.Value))
                    {
                        throw Fail(file, (int)key.Start.Line, keyPath, $"the key '{key.Value}' appears twice", "keep one of the two entries");
                    }
                    obj.Add(Annotate(new JProperty(key.Value, value), key.Start));
                }
                return obj;
            }
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private static T Annotate<T>(T token, Mark mark) where T : JToken
    {
        token.AddAnnotation(new YamlPosition((int)mark.Line, (int)mark.Column));
        return token;
    }

    private static JValue ToValue(Scalar scalar, string file, string path)
    {
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value is "tag:yaml.org,2002:str" or "!!str"))
        {
            return new JValue(text);
        }
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return JValue.CreateNull();
        }
        if (text is "true" or "True" or "TRUE")
        {
            return new JValue(true);
        }
        if (text is "false" or "False" or "FALSE")
        {
            return new JValue(false);
        }
        if (!"+-.0123456789".Contains(text[0]))
        {
            // No number starts otherwise, in any spelling below: most strings skip the four patterns (about 5% of
            // reading a 1,000-version model.yaml).
            return new JValue(text);
        }
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new JValue(integer);
        }
        // YAML 1.2 core also spells integers in octal (0o17) and hex (0x1F); ajv's js-yaml reads them so too.
        if (OctalOrHexPattern().IsMatch(text))
        {
            ulong value;
            try
            {
                value = System.Convert.ToUInt64(text[2..], text[1] == 'x' ? 16 : 8);
            }
            catch (OverflowException)
            {
                value = ulong.MaxValue;
            }
            if (value > long.MaxValue)
            {
                throw Fail(file, (int)scalar.Start.Line, path, $"has the value '{text}', which is beyond 64 bits", "write a smaller number");
            }
            return new JValue((long)value);
        }
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            if (!double.IsFinite(real))
            {
                // 1e400 parses to infinity: refuse it like .inf rather than let it through as a number.
                throw Fail(file, (int)scalar.Start.Line, path, $"has the value '{text}', which is too large to be a finite number",
                    "registry files hold finite numbers only: leave the value out or record it as a string");
            }
            return new JValue(real);
        }
        if (NonFinitePattern().IsMatch(text))
        {
            throw Fail(file, (int)scalar.Start.Line, path, $"has the value '{text}', which is not a finite number",
                "registry files hold finite numbers only (JSON has no NaN or Infinity): leave the value out or record it as a string");
        }
        return new JValue(text);
    }

    private static DocumentException Fail(string file, int line, string field, string message, string fix) =>
        new([new DocumentProblem(file, line, field, message, fix)]);

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^(0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex OctalOrHexPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")]
    private static partial Regex NonFinitePattern();
}

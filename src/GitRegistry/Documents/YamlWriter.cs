using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitRegistry.Documents;

/// <summary>
/// Writes a JSON token tree as block-style YAML that every common reader (YamlDotNet, PyYAML's safe_load,
/// ajv's js-yaml) reads back to the same values: any string that a YAML 1.1 reader could take for a number,
/// a boolean, a date or null is quoted, and multi-line text is written as a literal block.
/// </summary>
internal static partial class YamlWriter
{
    public static string Write(JToken root, string? headerComment = null)
    {
        var text = new StringWriter { NewLine = "\n" };
        if (headerComment is not null)
        {
            foreach (var line in headerComment.Split('\n'))
            {
                text.WriteLine($"# {line}".TrimEnd());
            }
        }
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: false, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, JToken token)
    {
        switch (token)
        {
            case JObject obj:
                emitter.Emit(new MappingStart(null, null, true, obj.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var property in obj.Properties())
                {
                    EmitString(emitter, property.Name);
                    Emit(emitter, property.Value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }
                emitter.Emit(new SequenceEnd());
                break;
            case JValue { Type: JTokenType.Date } value:
                // Json.NET's default parsing turns ISO 8601 strings into dates; write them back in ISO 8601
                // (the invariant culture would write 11/25/2026 19:03:03, which no registry field accepts).
                EmitString(emitter, value.Value switch
                {
                    DateTimeOffset offset => offset.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
                    DateTime date => date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
                });
                break;
            case JValue { Type: JTokenType.String or JTokenType.Guid or JTokenType.Uri } value:
                EmitString(emitter, Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "");
                break;
            case JValue { Type: JTokenType.Integer } value:
                emitter.Emit(new Scalar(Convert.ToString(value.Value, CultureInfo.InvariantCulture)!));
                break;
            case JValue { Type: JTokenType.Float } value:
                emitter.Emit(new Scalar(FormatDouble(Convert.ToDouble(value.Value, CultureInfo.InvariantCulture))));
                break;
            case JValue { Type: JTokenType.Boolean } value:
                emitter.Emit(new Scalar((bool)value.Value! ? "true" : "false"));
                break;
            case JValue { Type: JTokenType.Null }:
                emitter.Emit(new Scalar("null"));
                break;
            default:
                throw new InvalidOperationException($"cannot write a {token.Type} as YAML");
        }
    }

    internal static string FormatDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new RegistryException(ErrorKind.Validation, $"the number {value} is not finite", "registry files hold finite numbers only");
        }
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') || text.Contains('e') ? text : text + ".0";
    }

    private static void EmitString(IEmitter emitter, string value)
    {
        ScalarStyle style;
        if (value.Contains('\n'))
        {
            // Literal blocks keep requirements files and descriptions readable in a diff; they cannot carry
            // trailing spaces on a line or a leading space, so those fall back to a quoted string. So does text of
            // line breaks only: YamlDotNet writes "\n" as a block that YAML readers take for "".
            style = value.Split('\n').Any(l => l.EndsWith(' ') || l.EndsWith('\t')) || value.StartsWith(' ') || !value.All(IsLiteralSafe)
                || value.Trim('\n').Length == 0
                ? ScalarStyle.DoubleQuoted
                : ScalarStyle.Literal;
        }
        else
        {
            style = IsPlainSafe(value) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
        }
        emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    /// <summary>
    /// Characters a literal block can carry raw. YamlDotNet writes any character into a literal block, escaping
    /// nothing: a NUL or ESC makes the file unreadable, and U+0085, U+2028 and U+2029 are line breaks to YAML 1.1
    /// readers (YamlDotNet among them) but not to YAML 1.2 ones (js-yaml), so the text would read back changed.
    /// Such text goes in double quotes, where each of them is an escape.
    /// </summary>
    private static bool IsLiteralSafe(char c) =>
        c is '\n' or '\t' or (>= ' ' and <= '~')
        || (c >= '\u00a0' && c is not ('\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff'));

    private static bool IsPlainSafe(string value) =>
        PlainSafe().IsMatch(value) && !Yaml11Keywords.Contains(value);

    private static readonly HashSet<string> Yaml11Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "on", "off", "true", "false", "null",
    };

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-/]*$")]
    private static partial Regex PlainSafe();
}

using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace GitRegistry.Documents;

/// <summary>
/// Turns registry files into typed documents and back. Reading is YAML -> JSON tokens -> schema check -> type;
/// writing is type -> JSON tokens -> schema check -> YAML. The same mapping serves both directions, so what
/// gitreg writes is exactly what it (and any JSON Schema validator) accepts.
/// </summary>
public static class DocumentSerializer
{
    private static readonly JsonSerializer Json = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy { ProcessDictionaryKeys = false } },
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        FloatParseHandling = FloatParseHandling.Double,
        DateParseHandling = DateParseHandling.None,
        // Replace defaults (e.g. the default stage list) instead of appending to them.
        ObjectCreationHandling = ObjectCreationHandling.Replace,
    });

    /// <summary>Parses YAML text and validates it against the kind's schema; throws <see cref="DocumentException"/> naming every problem.</summary>
    public static T Read<T>(DocumentKind kind, string yaml, string file)
    {
        var token = YamlReader.Read(yaml, file);
        var problems = SchemaCatalog.Validate(kind, token, file);
        if (problems.Count > 0)
        {
            throw new DocumentException(problems);
        }
        return ToType<T>(token, file);
    }

    /// <summary>Parses YAML text into JSON tokens without a schema check (for tools that report all problems at once).</summary>
    public static JToken Parse(string yaml, string file) => YamlReader.Read(yaml, file);

    /// <summary>Converts a parsed and validated token tree into its type; <paramref name="file"/> names it in problems.</summary>
    public static T Convert<T>(JToken token, string file = "") => ToType<T>(token, file);

    private static T ToType<T>(JToken token, string file)
    {
        try
        {
            return token.ToObject<T>(Json) ?? throw new DocumentException([new DocumentProblem(file, 0, "", "is empty")]);
        }
        catch (JsonException e)
        {
            // A value the schema admits but the type cannot hold must still be a problem in the file, not a crash.
            var path = e switch { JsonReaderException r => r.Path, JsonSerializationException s => s.Path, _ => null } ?? "";
            var line = (path.Length == 0 ? null : token.SelectToken(path))?.Annotation<YamlPosition>()?.Line ?? 0;
            var reason = e.InnerException?.Message ?? e.Message.Split(". Path", 2)[0];
            throw new DocumentException([new DocumentProblem(file, line, path, $"cannot be read: {reason}", "write a value of the type and range the schema gives for this field")]);
        }
    }

    /// <summary>Writes a document as YAML after checking it against the kind's schema.</summary>
    public static string Write<T>(DocumentKind kind, T document, string file, string? headerComment = null)
    {
        var token = ToToken(document);
        var problems = SchemaCatalog.Validate(kind, token, file);
        if (problems.Count > 0)
        {
            throw new DocumentException(problems);
        }
        return YamlWriter.Write(token, headerComment);
    }

    /// <summary>The JSON token tree of a document, as it is written (snake_case names, nulls left out).</summary>
    public static JToken ToToken<T>(T document) => JToken.FromObject(document!, Json);
}

using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace GitRegistry.Documents;

/// <summary>The JSON Schemas of <c>schema/</c>, embedded in the library, and validation against them.</summary>
public static class SchemaCatalog
{
    private static readonly ConcurrentDictionary<DocumentKind, JsonSchema> Schemas = new();

    // The same schema files compiled for the fast "certainly valid" answer (null: a keyword the check does not know).
    private static readonly ConcurrentDictionary<DocumentKind, SchemaCheck?> Checks = new();

    static SchemaCatalog()
    {
        // NJsonSchema checks "pattern" with the static Regex methods, whose cache holds 15 patterns by default; our
        // schemas have more, and a thrashing cache recompiles every pattern on every document (~100x slower).
        System.Text.RegularExpressions.Regex.CacheSize = Math.Max(System.Text.RegularExpressions.Regex.CacheSize, 256);
    }

    // Each pattern as we run it (see ForDotNetRegex) -> as the schema file writes it.
    private static readonly ConcurrentDictionary<string, string> WrittenPatterns = new();

    /// <summary>The schema file name of a kind of document, e.g. <c>model-version.schema.json</c>.</summary>
    public static string FileName(DocumentKind kind) => kind switch
    {
        DocumentKind.Registry => "registry.schema.json",
        DocumentKind.Model => "model.schema.json",
        DocumentKind.ModelVersion => "model-version.schema.json",
        DocumentKind.Approvals => "approvals.schema.json",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The schema text exactly as shipped in <c>schema/</c>.</summary>
    public static string Text(DocumentKind kind)
    {
        var resource = "GitRegistry.Schemas." + FileName(kind);
        using var stream = typeof(SchemaCatalog).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the schema {resource} is not embedded in the library");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Validates a parsed document; returns every problem, each with its YAML line where known.</summary>
    public static IReadOnlyList<DocumentProblem> Validate(DocumentKind kind, JToken document, string file)
    {
        // Most documents are valid: the compiled check passes them in microseconds, where NJsonSchema takes over a
        // millisecond. Only a document it cannot pass goes to NJsonSchema, which finds and describes the problems.
        return PassesCompiledCheck(kind, document) ? [] : ValidateFully(kind, document, file);
    }

    /// <summary>True when the compiled check alone passes the document; it must never pass one that <see cref="ValidateFully"/> refuses.</summary>
    internal static bool PassesCompiledCheck(DocumentKind kind, JToken document) =>
        Checks.GetOrAdd(kind, k => SchemaCheck.TryCompile((JObject)JToken.Parse(ForDotNetRegex(Text(k)))))?.Accepts(document) == true;

    /// <summary>Validation by NJsonSchema alone: every problem, described.</summary>
    internal static IReadOnlyList<DocumentProblem> ValidateFully(DocumentKind kind, JToken document, string file)
    {
        var schema = Schemas.GetOrAdd(kind, k => JsonSchema.FromJsonAsync(ForDotNetRegex(Text(k))).GetAwaiter().GetResult());
        var problems = new List<DocumentProblem>();
        foreach (var error in Flatten(schema.Validate(document)).Where(e => !IsNJsonSchemaOnly(e)))
        {
            problems.Add(Describe(error, file));
        }
        return problems.OrderBy(p => p.Line).ThenBy(p => p.Field, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// JSON Schema patterns are ECMA-262 regexes, but NJsonSchema runs them as .NET ones, which differ in ways that
    /// change verdicts: '$' also matches before a final line break ("churn\n" would pass "^[a-z]+$"), '\s' knows
    /// U+0085 but not U+FEFF, '\d' takes any Unicode digit. The copy we validate with spells the ECMA meaning out
    /// in .NET terms; the shipped files stay standard.
    /// </summary>
    private static string ForDotNetRegex(string schemaText)
    {
        var root = JToken.Parse(schemaText);
        foreach (var property in root.SelectTokens("..pattern").OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
        {
            property.Value = AsDotNetRegex((string)property.Value!);
        }
        foreach (var patterns in root.SelectTokens("..patternProperties").OfType<JObject>().ToList())
        {
            foreach (var entry in patterns.Properties().ToList())
            {
                entry.Replace(new JProperty(AsDotNetRegex(entry.Name), entry.Value));
            }
        }
        return root.ToString();
    }

    // ECMA-262's WhiteSpace and LineTerminator characters, which its \s matches.
    private const string EcmaWhiteSpace = @"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

    private static string AsDotNetRegex(string pattern)
    {
        var result = new System.Text.StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                result.Append(next switch
                {
                    's' => inClass ? EcmaWhiteSpace : $"[{EcmaWhiteSpace}]",
                    'd' => inClass ? "0-9" : "[0-9]",
                    _ => $"\\{next}",
                });
                continue;
            }
            inClass = c == '[' || (inClass && c != ']');
            result.Append(c == '$' && !inClass ? "\\z" : c.ToString());
        }
        var translated = result.ToString();
        WrittenPatterns[translated] = pattern;
        return translated;
    }

    // The pattern as the schema file writes it, for messages.
    private static string? AsWritten(string? pattern) => pattern is null ? null : WrittenPatterns.GetValueOrDefault(pattern, pattern);

    /// <summary>
    /// Errors that JSON Schema itself would not raise: 7.0 is an integer (a number with no fractional part), and a
    /// string's length counts code points, not UTF-16 units (an emoji is one character).
    /// </summary>
    private static bool IsNJsonSchemaOnly(ValidationError error) => error switch
    {
        { Kind: ValidationErrorKind.IntegerExpected, Token: JValue { Type: JTokenType.Float, Value: double value } } =>
            double.IsInteger(value) && Math.Abs(value) <= MaxSafeInteger,
        { Kind: ValidationErrorKind.StringTooLong, Token: JValue { Type: JTokenType.String, Value: string text }, Schema.MaxLength: int max } =>
            text.EnumerateRunes().Count() <= max,
        _ => false,
    };

    // 2^53 - 1: beyond it a double no longer holds every integer, and JavaScript readers round.
    private const double MaxSafeInteger = 9007199254740991;

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            // For oneOf/anyOf NJsonSchema nests the branch errors; the branch errors say more than "no branch matched".
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                var inner = child.Errors.Values.OrderBy(e => e.Count).First();
                if (inner.Count > 0)
                {
                    foreach (var e in Flatten(inner))
                    {
                        yield return e;
                    }
                    continue;
                }
            }
            yield return error;
        }
    }

    private static DocumentProblem Describe(ValidationError error, string file)
    {
        var token = error.Token;
        var line = token?.Annotation<YamlPosition>()?.Line ?? 0;
        var field = FieldPath(error, token);
        var description = error.Schema?.Description;
        var (message, fix) = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => ($"is required but missing", $"add '{error.Property}'" + Hint(error.Schema, error.Property)),
            ValidationErrorKind.NoAdditionalPropertiesAllowed => ($"is not a known field", "remove it or correct its spelling; the schema lists the allowed fields"),
            ValidationErrorKind.PatternMismatch => ($"'{Show(token)}' does not have the required form", $"use a value matching {AsWritten(error.Schema?.Pattern)}" + Described(description)),
            ValidationErrorKind.NotInEnumeration => ($"'{Show(token)}' is not one of the allowed values", $"use one of: {string.Join(", ", error.Schema?.Enumeration.Select(v => v?.ToString()) ?? [])}"),
            ValidationErrorKind.StringTooShort => ($"'{Show(token)}' is too short", $"use at least {error.Schema?.MinLength} characters"),
            ValidationErrorKind.StringTooLong => ($"is too long", $"use at most {error.Schema?.MaxLength} characters"),
            ValidationErrorKind.NumberTooSmall => ($"{Show(token)} is below the minimum", $"use a value of at least {error.Schema?.Minimum ?? error.Schema?.ExclusiveMinimum}"),
            ValidationErrorKind.NumberTooBig => ($"{Show(token)} is above the maximum", $"use a value of at most {error.Schema?.Maximum ?? error.Schema?.ExclusiveMaximum}"),
            ValidationErrorKind.TooFewItems => ("has too few items", $"give at least {error.Schema?.MinItems}"),
            ValidationErrorKind.ItemsNotUnique => ("has duplicate items", "remove the duplicates"),
            _ when error.Kind.ToString().EndsWith("Expected", StringComparison.Ordinal) =>
                ($"has the wrong type ({token?.Type.ToString().ToLowerInvariant() ?? "missing"})", $"write {WithArticle(error.Kind.ToString()[..^"Expected".Length].ToLowerInvariant())}" + Described(description)),
            _ => ($"breaks the schema ({error.Kind})", description is null ? null : "expected: " + description),
        };
        return new DocumentProblem(file, line, field, message, fix);
    }

    private static string FieldPath(ValidationError error, JToken? token)
    {
        var path = token?.Path ?? "";
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is not null)
        {
            return path.Length == 0 ? error.Property : $"{path}.{error.Property}";
        }
        if (error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && token?.Parent is JProperty property)
        {
            return property.Path;
        }
        return path;
    }

    private static string Hint(JsonSchema? schema, string? property) =>
        property is not null && schema?.Properties.TryGetValue(property, out var p) == true && p.Description is { } d ? $" ({d})" : "";

    private static string WithArticle(string type) => (type[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + type;

    private static string Described(string? description) => description is null ? "" : $" ({description})";

    private static string Show(JToken? token) => token switch
    {
        null => "",
        JValue v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };
}

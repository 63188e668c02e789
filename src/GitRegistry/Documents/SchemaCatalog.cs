using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace GitRegistry.Documents;

/// <summary>The JSON Schemas of <c>schema/</c>, embedded in the library, and validation against them.</summary>
public static class SchemaCatalog
{
    private static readonly ConcurrentDictionary<DocumentKind, JsonSchema> Schemas = new();

    /// <summary>The schema file name of a kind of document, e.g. <c>model-version.schema.json</c>.</summary>
    public static string FileName(DocumentKind kind) => kind switch
    {
        DocumentKind.Registry => "registry.schema.json",
        DocumentKind.Model => "model.schema.json",
        DocumentKind.ModelVersion => "model-version.schema.json",
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
        var schema = Schemas.GetOrAdd(kind, k => JsonSchema.FromJsonAsync(ForDotNetRegex(Text(k))).GetAwaiter().GetResult());
        var problems = new List<DocumentProblem>();
        foreach (var error in Flatten(schema.Validate(document)))
        {
            problems.Add(Describe(error, file));
        }
        return problems.OrderBy(p => p.Line).ThenBy(p => p.Field, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// JSON Schema patterns are ECMA-262 regexes, but NJsonSchema runs them as .NET ones, where '$' also matches
    /// before a final line break: "churn\n" would pass "^[a-z]+$" here and fail in every other validator. Anchor
    /// the patterns at the true end (\z) in the copy we validate with; the shipped files stay standard.
    /// </summary>
    private static string ForDotNetRegex(string schemaText)
    {
        var root = JToken.Parse(schemaText);
        foreach (var property in root.SelectTokens("..pattern").OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList())
        {
            property.Value = EndAnchored((string)property.Value!);
        }
        foreach (var patterns in root.SelectTokens("..patternProperties").OfType<JObject>().ToList())
        {
            foreach (var entry in patterns.Properties().ToList())
            {
                entry.Replace(new JProperty(EndAnchored(entry.Name), entry.Value));
            }
        }
        return root.ToString();
    }

    private static string EndAnchored(string pattern)
    {
        var result = new System.Text.StringBuilder(pattern.Length + 4);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                result.Append(c).Append(pattern[++i]);
                continue;
            }
            inClass = c == '[' || (inClass && c != ']');
            result.Append(c == '$' && !inClass ? "\\z" : c.ToString());
        }
        return result.ToString();
    }

    // The pattern as the schema file writes it (the shipped schemas use no \z of their own).
    private static string? AsWritten(string? pattern) => pattern?.Replace("\\z", "$", StringComparison.Ordinal);

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
                ($"has the wrong type ({token?.Type.ToString().ToLowerInvariant() ?? "missing"})", $"write a {error.Kind.ToString()[..^"Expected".Length].ToLowerInvariant()}" + Described(description)),
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

    private static string Described(string? description) => description is null ? "" : $" ({description})";

    private static string Show(JToken? token) => token switch
    {
        null => "",
        JValue v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };
}

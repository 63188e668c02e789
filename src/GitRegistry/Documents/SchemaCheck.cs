using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Documents;

/// <summary>
/// A schema file compiled into a tree of checks that answers one question fast: does a document certainly pass?
/// It knows the draft-07 keywords our schema files use; a schema with any other keyword does not compile, and
/// every document then goes to the full validator. Its "yes" is final; its "no" only sends the document on to
/// NJsonSchema, which finds and describes the problems. So it is written to be stricter, never laxer, than the
/// verdict <see cref="SchemaCatalog"/> gives: values whose reading differs between tools (nulls, 7.0 as an
/// integer, strings near a length limit in astral characters) are simply answered "no".
/// </summary>
internal sealed class SchemaCheck
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$comment", "title", "description", "default", "examples", "definitions"];

    private JTokenType[]? _types;
    private bool _integer;
    private Dictionary<string, SchemaCheck>? _properties;
    private string[]? _required;
    private (Regex Pattern, SchemaCheck Check)[]? _patternProperties;
    private bool _additionalAllowed = true;
    private SchemaCheck? _additional;
    private Regex? _pattern;
    private int? _minLength, _maxLength, _minItems, _maxItems, _minProperties, _maxProperties;
    private decimal? _minimum, _maximum;
    private JToken[]? _enum;
    private SchemaCheck? _items;
    private SchemaCheck? _reference;
    private JToken? _const;
    private SchemaCheck? _if, _then, _else;

    private SchemaCheck()
    {
    }

    /// <summary>Compiles a schema (patterns already in the .NET spelling the full validator runs); null when it uses a keyword this check does not know.</summary>
    public static SchemaCheck? TryCompile(JObject root)
    {
        var definitions = new Dictionary<string, SchemaCheck>(StringComparer.Ordinal);
        var pending = new List<(SchemaCheck Check, JObject Schema)>();
        if (root["definitions"] is JObject defined)
        {
            foreach (var definition in defined.Properties())
            {
                if (definition.Value is not JObject schema)
                {
                    return null;
                }
                var check = new SchemaCheck();
                definitions[definition.Name] = check;
                pending.Add((check, schema));
            }
        }
        var top = new SchemaCheck();
        pending.Add((top, root));
        foreach (var (check, schema) in pending)
        {
            if (!check.Compile(schema, definitions))
            {
                return null;
            }
        }
        return top;
    }

    private bool Compile(JObject schema, Dictionary<string, SchemaCheck> definitions)
    {
        foreach (var keyword in schema.Properties())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case var annotation when Annotations.Contains(annotation):
                    break;
                case "$ref" when value is JValue { Value: string reference } && reference.StartsWith("#/definitions/", StringComparison.Ordinal)
                    && definitions.TryGetValue(reference["#/definitions/".Length..], out var target):
                    _reference = target;
                    break;
                case "type":
                    var names = value is JArray list ? list.Select(t => (string?)t).ToList() : [(string?)value];
                    var types = new List<JTokenType>();
                    foreach (var name in names)
                    {
                        switch (name)
                        {
                            case "string": types.Add(JTokenType.String); break;
                            case "boolean": types.Add(JTokenType.Boolean); break;
                            case "object": types.Add(JTokenType.Object); break;
                            case "array": types.Add(JTokenType.Array); break;
                            case "number": types.Add(JTokenType.Integer); types.Add(JTokenType.Float); break;
                            // Only integers written as integers: 7.0 is left to the full validator.
                            case "integer": types.Add(JTokenType.Integer); _integer = true; break;
                            default: return false;
                        }
                    }
                    _types = [.. types.Distinct()];
                    break;
                case "properties" when value is JObject properties:
                    _properties = new(StringComparer.Ordinal);
                    foreach (var property in properties.Properties())
                    {
                        if (property.Value is not JObject propertySchema || TryCompileInner(propertySchema, definitions) is not { } check)
                        {
                            return false;
                        }
                        _properties[property.Name] = check;
                    }
                    break;
                case "patternProperties" when value is JObject patterns:
                    var compiled = new List<(Regex, SchemaCheck)>();
                    foreach (var pattern in patterns.Properties())
                    {
                        if (pattern.Value is not JObject patternSchema || TryCompileInner(patternSchema, definitions) is not { } check)
                        {
                            return false;
                        }
                        compiled.Add((new Regex(pattern.Name, RegexOptions.CultureInvariant), check));
                    }
                    _patternProperties = [.. compiled];
                    break;
                case "additionalProperties" when value is JValue { Type: JTokenType.Boolean } allowed:
                    _additionalAllowed = (bool)allowed;
                    break;
                case "additionalProperties" when value is JObject additional:
                    if ((_additional = TryCompileInner(additional, definitions)) is null)
                    {
                        return false;
                    }
                    break;
                case "items" when value is JObject items:
                    if ((_items = TryCompileInner(items, definitions)) is null)
                    {
                        return false;
                    }
                    break;
                case "required" when value is JArray required:
                    _required = [.. required.Select(r => (string)r!)];
                    break;
                case "pattern" when value is JValue { Value: string pattern }:
                    _pattern = new Regex(pattern, RegexOptions.CultureInvariant);
                    break;
                case "enum" when value is JArray values:
                    _enum = [.. values];
                    break;
                case "const":
                    _const = value;
                    break;
                // The condition must be answered exactly, not conservatively: it picks the branch that applies.
                case "if" when value is JObject condition && IsExactCondition(condition):
                    if ((_if = TryCompileInner(condition, definitions)) is null)
                    {
                        return false;
                    }
                    break;
                case "then" when value is JObject then:
                    if ((_then = TryCompileInner(then, definitions)) is null)
                    {
                        return false;
                    }
                    break;
                case "else" when value is JObject otherwise:
                    if ((_else = TryCompileInner(otherwise, definitions)) is null)
                    {
                        return false;
                    }
                    break;
                case "minLength": _minLength = (int)value; break;
                case "maxLength": _maxLength = (int)value; break;
                case "minItems": _minItems = (int)value; break;
                case "maxItems": _maxItems = (int)value; break;
                case "minProperties": _minProperties = (int)value; break;
                case "maxProperties": _maxProperties = (int)value; break;
                case "minimum" when value.Type is JTokenType.Integer or JTokenType.Float: _minimum = (decimal)value; break;
                case "maximum" when value.Type is JTokenType.Integer or JTokenType.Float: _maximum = (decimal)value; break;
                default:
                    return false;
            }
        }
        return true;
    }

    // Conditions of properties, required and const only, which Matches answers exactly.
    private static bool IsExactCondition(JObject condition) => condition.Properties().All(keyword => keyword.Name switch
    {
        "required" or "const" => true,
        "properties" => keyword.Value is JObject properties && properties.Properties().All(p => p.Value is JObject inner && IsExactCondition(inner)),
        var other => Annotations.Contains(other),
    });

    // The exact verdict of a condition (see IsExactCondition); properties and required say nothing about non-objects.
    private bool Matches(JToken token)
    {
        if (_const is not null && !JToken.DeepEquals(_const, token))
        {
            return false;
        }
        if (token is not JObject obj)
        {
            return true;
        }
        if (_required is not null && _required.Any(name => !obj.ContainsKey(name)))
        {
            return false;
        }
        return _properties is null || _properties.All(p => !obj.TryGetValue(p.Key, out var value) || p.Value.Matches(value));
    }

    private static SchemaCheck? TryCompileInner(JObject schema, Dictionary<string, SchemaCheck> definitions)
    {
        var check = new SchemaCheck();
        return check.Compile(schema, definitions) ? check : null;
    }

    /// <summary>True when the document certainly passes the schema; false when it may not (the full validator then decides).</summary>
    public bool Accepts(JToken token)
    {
        if (token.Type == JTokenType.Null || (_reference is not null && !_reference.Accepts(token)))
        {
            return false;
        }
        if (_types is not null && Array.IndexOf(_types, token.Type) < 0)
        {
            return false;
        }
        if ((_enum is not null && !_enum.Any(e => JToken.DeepEquals(e, token))) || (_const is not null && !JToken.DeepEquals(_const, token)))
        {
            return false;
        }
        if (_if is not null && !(_if.Matches(token) ? _then?.Accepts(token) ?? true : _else?.Accepts(token) ?? true))
        {
            return false;
        }
        return token switch
        {
            JValue { Type: JTokenType.String, Value: string text } => AcceptsString(text),
            JValue { Type: JTokenType.Integer } number => _integer && number.Value is not long ? false : AcceptsNumber(number),
            JValue { Type: JTokenType.Float } number => AcceptsNumber(number),
            JObject obj => AcceptsObject(obj),
            JArray array => AcceptsArray(array),
            _ => true,
        };
    }

    private bool AcceptsString(string text)
    {
        // Lengths count code points, which are never more than UTF-16 units: the unit count decides the clear cases.
        if (_maxLength is { } max && text.Length > max && CodePoints(text) > max)
        {
            return false;
        }
        if (_minLength is { } min && (text.Length < min || CodePoints(text) < min))
        {
            return false;
        }
        return _pattern is null || _pattern.IsMatch(text);
    }

    private static int CodePoints(string text) => text.EnumerateRunes().Count();

    private bool AcceptsNumber(JValue number)
    {
        if (_minimum is null && _maximum is null)
        {
            return true;
        }
        decimal value;
        if (number.Value is long integer)
        {
            value = integer;
        }
        else if (number.Value is double real && Math.Abs(real) < 1e15)
        {
            value = (decimal)real;
        }
        else
        {
            return false;
        }
        return (_minimum is not { } min || value >= min) && (_maximum is not { } max || value <= max);
    }

    private bool AcceptsObject(JObject obj)
    {
        if ((_minProperties is { } min && obj.Count < min) || (_maxProperties is { } max && obj.Count > max))
        {
            return false;
        }
        if (_required is not null)
        {
            foreach (var name in _required)
            {
                if (!obj.ContainsKey(name))
                {
                    return false;
                }
            }
        }
        foreach (var property in obj.Properties())
        {
            var known = false;
            if (_properties is not null && _properties.TryGetValue(property.Name, out var check))
            {
                known = true;
                if (!check.Accepts(property.Value))
                {
                    return false;
                }
            }
            if (_patternProperties is not null)
            {
                foreach (var (pattern, patternCheck) in _patternProperties)
                {
                    if (pattern.IsMatch(property.Name))
                    {
                        known = true;
                        if (!patternCheck.Accepts(property.Value))
                        {
                            return false;
                        }
                    }
                }
            }
            if (!known && (!_additionalAllowed || (_additional is not null && !_additional.Accepts(property.Value))))
            {
                return false;
            }
        }
        return true;
    }

    private bool AcceptsArray(JArray array)
    {
        if ((_minItems is { } min && array.Count < min) || (_maxItems is { } max && array.Count > max))
        {
            return false;
        }
        if (_items is not null)
        {
            foreach (var item in array)
            {
                if (!_items.Accepts(item))
                {
                    return false;
                }
            }
        }
        return true;
    }
}

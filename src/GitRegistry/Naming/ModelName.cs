using System.Text.RegularExpressions;

namespace GitRegistry;

/// <summary>
/// Rules for model names: 1-64 characters of lowercase letters, digits, <c>_</c>, <c>-</c> and <c>.</c>,
/// starting with a letter, digit or <c>_</c>, and never containing <c>..</c>. A name is also a folder
/// under <c>models/</c>, so these rules are what keep it from ever escaping that folder.
/// </summary>
public static partial class ModelName
{
    /// <summary>The rule in words, for error messages.</summary>
    public const string Rule = "1-64 characters: lowercase letters, digits, '_', '-' and '.', starting with a letter, digit or '_', without '..'";

    /// <summary>True when <paramref name="name"/> is a valid model name.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name) && !name.Contains("..");

    /// <summary>Throws a usage error naming the rule when <paramref name="name"/> is not a valid model name.</summary>
    public static string Validate(string? name)
    {
        if (!IsValid(name))
        {
            throw new RegistryException(ErrorKind.Usage, $"'{Printable(name)}' is not a valid model name", $"use {Rule}, e.g. churn_predictor");
        }
        return name!;
    }

    internal static string Printable(string? value) =>
        value is null ? "" : new string(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    // \z rather than $: in .NET, $ also matches before a final line break, which let "churn\n" through.
    [GeneratedRegex(@"^[a-z0-9_][a-z0-9_.\-]{0,63}\z")]
    private static partial Regex Pattern();
}

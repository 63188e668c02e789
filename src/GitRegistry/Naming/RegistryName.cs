namespace GitRegistry;

/// <summary>
/// Rules for a registry's name (registry.yaml's <c>name</c>): 1-128 characters, without line breaks or control
/// characters. Such characters cannot stand raw in registry.yaml, and a name is shown on one line everywhere.
/// </summary>
public static class RegistryName
{
    /// <summary>The rule in words, for error messages.</summary>
    public const string Rule = "1-128 characters, without line breaks or control characters";

    /// <summary>True when <paramref name="name"/> is a valid registry name.</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.EnumerateRunes().Count() <= 128
        && !name.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029');

    /// <summary>Throws a usage error naming the rule when <paramref name="name"/> is not a valid registry name.</summary>
    public static string Validate(string? name)
    {
        if (!IsValid(name))
        {
            throw new RegistryException(ErrorKind.Usage, $"'{ModelName.Printable(name)}' is not a valid registry name", $"use {Rule}");
        }
        return name!;
    }
}

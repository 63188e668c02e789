using System.Text.RegularExpressions;

namespace GitRegistry;

/// <summary>
/// Rules for alias names: the same characters as model names, but not <c>latest</c> and not of the form
/// <c>v&lt;digits&gt;</c>, which would be ambiguous in a model URI (MLflow reserves the same).
/// </summary>
public static partial class AliasName
{
    /// <summary>True when <paramref name="alias"/> is a valid alias name.</summary>
    public static bool IsValid(string? alias) =>
        ModelName.IsValid(alias) && alias != "latest" && !VersionLike().IsMatch(alias!);

    /// <summary>Throws a usage error naming the rule when <paramref name="alias"/> is not a valid alias.</summary>
    public static string Validate(string? alias)
    {
        if (!IsValid(alias))
        {
            throw new RegistryException(ErrorKind.Usage, $"'{ModelName.Printable(alias)}' is not a valid alias",
                $"use {ModelName.Rule}; 'latest' and 'v<digits>' are reserved, e.g. champion");
        }
        return alias!;
    }

    [GeneratedRegex(@"^v[0-9]+\z")]
    private static partial Regex VersionLike();
}

using System.Text.RegularExpressions;

namespace GitRegistry;

/// <summary>Rules for stage names: a letter, then up to 31 letters, digits, '_' or '-'. Matching is case-insensitive.</summary>
public static partial class StageName
{
    /// <summary>The stage every new version starts in.</summary>
    public const string None = "None";

    /// <summary>The stage that archive-existing moves displaced versions to.</summary>
    public const string Archived = "Archived";

    /// <summary>True when <paramref name="stage"/> has the form of a stage name (whether the registry defines it is another matter).</summary>
    public static bool IsValid(string? stage) => stage is not null && Pattern().IsMatch(stage) && !stage.Equals("latest", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-]{0,31}\z")]
    private static partial Regex Pattern();
}

namespace GitRegistry.Configuration;

/// <summary>One allowed stage move.</summary>
public sealed class TransitionRule
{
    /// <summary>The stage left, or <c>*</c> for any.</summary>
    public required string From { get; init; }

    /// <summary>The stage entered, or <c>*</c> for any.</summary>
    public required string To { get; init; }

    /// <summary>Groups allowed to make this move; when absent, <c>permissions.transition</c> applies.</summary>
    public List<string>? Groups { get; init; }

    /// <summary>True when the rule matches a move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Matches(string from, string to) =>
        (From == "*" || From.Equals(from, StringComparison.OrdinalIgnoreCase)) && (To == "*" || To.Equals(to, StringComparison.OrdinalIgnoreCase));
}

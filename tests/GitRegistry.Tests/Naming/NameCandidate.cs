namespace GitRegistry.Tests.Naming;

/// <summary>A string offered to the name rules; printed with escapes so that a failing case can be read.</summary>
public sealed record NameCandidate(string Value)
{
    /// <inheritdoc/>
    public override string ToString() =>
        "\"" + string.Concat(Value.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}")) + "\"";
}

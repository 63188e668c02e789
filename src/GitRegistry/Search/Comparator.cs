namespace GitRegistry.Search;

/// <summary>How a condition compares a field with its value.</summary>
public enum Comparator
{
    /// <summary><c>=</c></summary>
    Equal,
    /// <summary><c>!=</c> or <c>&lt;&gt;</c></summary>
    NotEqual,
    /// <summary><c>&lt;</c></summary>
    Less,
    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,
    /// <summary><c>&gt;</c></summary>
    Greater,
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
    /// <summary><c>LIKE</c>: a pattern with <c>%</c> (any text) and <c>_</c> (one character), case-sensitive.</summary>
    Like,
    /// <summary><c>ILIKE</c>: LIKE ignoring case.</summary>
    ILike,
    /// <summary><c>IN (...)</c></summary>
    In,
    /// <summary><c>NOT IN (...)</c></summary>
    NotIn,
}

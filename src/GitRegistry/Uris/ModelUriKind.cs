namespace GitRegistry;

/// <summary>What a model URI points at.</summary>
public enum ModelUriKind
{
    /// <summary><c>models:/name/7</c></summary>
    Version,
    /// <summary><c>models:/name/Production</c></summary>
    Stage,
    /// <summary><c>models:/name@champion</c></summary>
    Alias,
    /// <summary><c>models:/name/latest</c></summary>
    Latest,
}

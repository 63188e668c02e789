namespace GitRegistry.Manifests;

/// <summary>Someone who did something in the registry, as git knows them (user.name, user.email).</summary>
public sealed class Person
{
    /// <summary>Display name.</summary>
    public required string Name { get; init; }

    /// <summary>E-mail address; the principal that signatures are checked against.</summary>
    public required string Email { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} <{Email}>";
}

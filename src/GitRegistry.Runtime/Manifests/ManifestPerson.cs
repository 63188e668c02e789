namespace GitRegistry.Runtime.Manifests;

/// <summary>A person as git knows them.</summary>
/// <param name="Name">git's user.name.</param>
/// <param name="Email">git's user.email.</param>
public sealed record ManifestPerson(string Name, string Email);

namespace GitRegistry.Demo;

/// <summary>A person in the demo: their git identity, ssh signing key and git config file.</summary>
internal sealed record Identity(string Name, string Email, string Key, string Config);

namespace GitRegistry.Runtime;

/// <summary>The app asked for a model that its build did not pin (no <c>ModelReference</c> for it).</summary>
public sealed class ModelNotPinnedException : KeyNotFoundException
{
    /// <summary>Creates the failure for <paramref name="name"/>, listing the models that are pinned.</summary>
    public ModelNotPinnedException(string name, IEnumerable<string> pinned)
        : base($"no model named '{name}' is pinned in this app's models.lock.json (pinned: {string.Join(", ", pinned.DefaultIfEmpty("none"))}); " +
               $"add <ModelReference Include=\"{name}\" Stage=\"Production\" /> to the project and build again")
    {
        Name = name;
    }

    /// <summary>The name asked for.</summary>
    public string Name { get; }
}

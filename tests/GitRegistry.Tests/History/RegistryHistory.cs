namespace GitRegistry.Tests.History;

/// <summary>A registry that has seen every kind of write, for the git cross-checks.</summary>
internal static class RegistryHistory
{
    /// <summary>The actions written, oldest first, as the Registry-Action trailer names them.</summary>
    public static readonly string[] Actions =
    [
        "init", "register", "register", "transition", "transition", "alias-set", "tag-set", "tag-set", "describe", "describe",
        "alias-set", "alias-delete", "tag-delete", "delete",
    ];

    /// <summary>Makes every kind of write once (or twice), in the order of <see cref="Actions"/>.</summary>
    public static void WriteEveryKind(TestRegistry registry)
    {
        registry.Register("churn", description: "first");
        registry.Register("churn");
        registry.Registry.Transition("churn", 1, "Production", comment: "AUC 0.91");
        registry.Registry.Transition("churn", 2, "Production", archiveExisting: true);
        registry.Registry.SetAlias("churn", "champion", 2);
        registry.Registry.SetTag("churn", null, "team", "growth");
        registry.Registry.SetTag("churn", 2, "validated", "true");
        registry.Registry.Describe("churn", null, "Predicts churn.");
        registry.Registry.Describe("churn", 2, "Retrained on October data.\nAUC 0.93.");
        registry.Registry.SetAlias("churn", "old", 1);
        registry.Registry.DeleteAlias("churn", "old");
        registry.Registry.DeleteTag("churn", null, "team");
        registry.Registry.DeleteVersion("churn", 1, "superseded");
    }
}

namespace GitRegistry.Import;

/// <summary>How an import groups its signed commits.</summary>
public enum ImportCommits
{
    /// <summary>One commit per model, holding every new version of it.</summary>
    PerModel,
    /// <summary>One commit per version, oldest first.</summary>
    PerVersion,
}

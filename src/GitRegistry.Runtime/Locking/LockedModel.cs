namespace GitRegistry.Locking;

/// <summary>One model in <c>models.lock.json</c>: what the project asked for and the exact version it got.</summary>
public sealed class LockedModel
{
    /// <summary>What the project asked for, as a model URI: <c>models:/churn_predictor/Production</c>, <c>/7</c> or <c>@champion</c>.</summary>
    public required string Request { get; init; }

    /// <summary>The version the request resolved to.</summary>
    public required int Version { get; init; }

    /// <summary>The registry commit the request was resolved at (full id).</summary>
    public required string RegistryCommit { get; init; }

    /// <summary>The artifact of that version: where its bytes are and what they hash to.</summary>
    public required LockedArtifact Artifact { get; init; }
}

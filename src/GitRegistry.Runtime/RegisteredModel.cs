using GitRegistry.Runtime.Manifests;

namespace GitRegistry.Runtime;

/// <summary>
/// A model version an app serves: its artifact file (already checked against its sha256), the manifest, and where
/// it came from in the registry.
/// </summary>
public sealed class RegisteredModel
{
    /// <summary>The model's name.</summary>
    public required string Name { get; init; }

    /// <summary>The version served.</summary>
    public required int Version { get; init; }

    /// <summary>What was asked for: <c>models:/NAME/Production</c>, <c>/7</c> or <c>@alias</c>.</summary>
    public required string Request { get; init; }

    /// <summary>The registry commit the request was resolved at.</summary>
    public required string RegistryCommit { get; init; }

    /// <summary>sha256 of the artifact (verified).</summary>
    public required string Sha256 { get; init; }

    /// <summary>Full path of the artifact file.</summary>
    public required string ArtifactPath { get; init; }

    /// <summary>The version's manifest: params, metrics by split, lineage, signature.</summary>
    public required ModelManifest Manifest { get; init; }

    /// <summary>The stage the request named (<c>Production</c> for <c>models:/NAME/Production</c>), or null for a version or alias request.</summary>
    public string? RequestedStage => ModelRequest.Stage(Request);

    /// <summary>Opens the artifact for reading.</summary>
    public Stream OpenRead() => new FileStream(ArtifactPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
}

using GitRegistry.Manifests;

namespace GitRegistry.Import;

/// <summary>One version as a source holds it: the manifest's fields except its author and stored artifact, and its state.</summary>
internal sealed class VersionImport
{
    /// <summary>The version number, kept from the source.</summary>
    public required int Version { get; init; }

    /// <summary>When the source created it, UTC, ISO 8601.</summary>
    public required string CreatedAt { get; init; }

    /// <summary>The version's description.</summary>
    public string? Description { get; init; }

    /// <summary>Hyperparameters.</summary>
    public SortedDictionary<string, object> Params { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Metrics by split.</summary>
    public SortedDictionary<string, SortedDictionary<string, double>> Metrics { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Training data lineage.</summary>
    public DataLineage? Data { get; init; }

    /// <summary>Preprocessing lineage.</summary>
    public Preprocessing? Preprocessing { get; init; }

    /// <summary>The training code's commit.</summary>
    public string? CodeCommit { get; init; }

    /// <summary>Input/output signature.</summary>
    public ModelSignature? Signature { get; init; }

    /// <summary>The version's tags.</summary>
    public SortedDictionary<string, string> Tags { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The run it came from.</summary>
    public RunInfo? Run { get; init; }

    /// <summary>Where it came from and what else the source recorded.</summary>
    public required ImportRecord Record { get; init; }

    /// <summary>The stage the source has it in (the source's spelling); None when it has none.</summary>
    public string Stage { get; init; } = StageName.None;

    /// <summary>Set when the source marks it deleted: when, and why.</summary>
    public (string At, string Comment)? Deleted { get; init; }

    /// <summary>The model file or folder to store; null when there is none (see <see cref="MissingArtifact"/>).</summary>
    public string? ArtifactPath { get; init; }

    /// <summary>Why there is no artifact to store, when <see cref="ArtifactPath"/> is null.</summary>
    public string? MissingArtifact { get; init; }

    /// <summary>False when the report already says, once, why no version has an artifact (a sheet imported with --no-artifact).</summary>
    public bool ReportMissingArtifact { get; init; } = true;

    /// <summary>The artifact's format, or null to infer it from the file name.</summary>
    public string? ArtifactFormat { get; init; }

    /// <summary>A requirements.txt / conda.yaml to pin as the inference dependencies.</summary>
    public string? DependenciesPath { get; init; }

    /// <summary>What the report calls it, e.g. <c>churn version 3</c> or <c>row 7</c>.</summary>
    public required string Where { get; init; }
}

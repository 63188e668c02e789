namespace GitRegistry.Manifests;

/// <summary>The input and output columns of a model.</summary>
public sealed class ModelSignature
{
    /// <summary>Input columns, in order.</summary>
    public List<Column> Inputs { get; init; } = [];

    /// <summary>Output columns, in order.</summary>
    public List<Column> Outputs { get; init; } = [];
}

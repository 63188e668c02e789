namespace GitRegistry.Runtime.Manifests;

/// <summary>The input and output columns of a model.</summary>
public sealed class ModelSignature
{
    /// <summary>Input columns, in order.</summary>
    public IReadOnlyList<SignatureColumn> Inputs { get; init; } = [];

    /// <summary>Output columns, in order.</summary>
    public IReadOnlyList<SignatureColumn> Outputs { get; init; } = [];
}

namespace GitRegistry.Manifests;

/// <summary>One input or output column (or tensor) of a model's signature.</summary>
public sealed class Column
{
    /// <summary>Column name.</summary>
    public required string Name { get; init; }

    /// <summary>Type: boolean, integer, long, float, double, string, binary, datetime.</summary>
    public required string Type { get; init; }

    /// <summary>Tensor shape, -1 for a variable dimension; absent for a scalar column.</summary>
    public List<long>? Shape { get; init; }

    /// <summary>True when the column may be missing.</summary>
    public bool? Optional { get; init; }
}

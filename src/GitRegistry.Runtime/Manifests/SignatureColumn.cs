namespace GitRegistry.Runtime.Manifests;

/// <summary>One input or output column.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">boolean, integer, long, float, double, string, binary or datetime.</param>
/// <param name="Shape">Tensor shape (-1 for a variable dimension), or null for a scalar.</param>
/// <param name="Optional">True when the column may be missing.</param>
public sealed record SignatureColumn(string Name, string Type, IReadOnlyList<long>? Shape = null, bool? Optional = null);

namespace GitRegistry.Documents;

/// <summary>Annotation on a parsed JSON token: where it stood in the YAML text.</summary>
internal sealed record YamlPosition(int Line, int Column);

namespace GitRegistry.Tests.CrossTool;

/// <summary>What ajv said about one file.</summary>
/// <param name="File">The file given to the script.</param>
/// <param name="Valid">True when js-yaml read it and ajv found no error.</param>
/// <param name="YamlError">js-yaml's error when it could not read the file, else null.</param>
/// <param name="Errors">ajv's errors, <c>/path message</c>.</param>
public sealed record AjvVerdict(string File, bool Valid, string? YamlError, IReadOnlyList<string> Errors);

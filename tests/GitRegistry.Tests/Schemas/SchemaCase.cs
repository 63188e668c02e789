using GitRegistry.Documents;

namespace GitRegistry.Tests.Schemas;

/// <summary>
/// One registry file for the schema tests: valid, or broken in one way, with where the problem must be reported.
/// </summary>
/// <param name="Id">A short unique name, e.g. <c>manifest/artifact.format-enum</c>.</param>
/// <param name="Kind">Which schema the file is checked against.</param>
/// <param name="Yaml">The file's text.</param>
/// <param name="Field">The field a problem must name, or null for a file that must be valid.</param>
/// <param name="Line">The YAML line that problem must name.</param>
public sealed record SchemaCase(string Id, DocumentKind Kind, string Yaml, string? Field, int Line)
{
    /// <summary>True when the file must pass.</summary>
    public bool Valid => Field is null;

    /// <summary>The path such a file has in a registry.</summary>
    public string FileName => Kind switch
    {
        DocumentKind.Registry => "registry.yaml",
        DocumentKind.Model => "models/churn_predictor/model.yaml",
        _ => "models/churn_predictor/versions/7.yaml",
    };

    /// <inheritdoc/>
    public override string ToString() => Id;
}

namespace GitRegistry.Documents;

/// <summary>The kinds of file a registry holds, each with its schema under <c>schema/</c>.</summary>
public enum DocumentKind
{
    /// <summary><c>registry.yaml</c>: <c>schema/registry.schema.json</c>.</summary>
    Registry,
    /// <summary><c>models/NAME/model.yaml</c>: <c>schema/model.schema.json</c>.</summary>
    Model,
    /// <summary><c>models/NAME/versions/N.yaml</c>: <c>schema/model-version.schema.json</c>.</summary>
    ModelVersion,
    /// <summary><c>models/NAME/approvals/N.yaml</c>: <c>schema/approvals.schema.json</c>.</summary>
    Approvals,
}

namespace GitRegistry;

/// <summary>One thing wrong with one registry file: where, which field, what, and how to fix it.</summary>
/// <param name="File">Path of the file inside the registry, e.g. <c>models/churn/versions/3.yaml</c>.</param>
/// <param name="Line">1-based line in the file, or 0 when the problem is not tied to a line.</param>
/// <param name="Field">Dotted path of the field at fault, e.g. <c>metrics.test.auc_roc</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">What to do about it, or null.</param>
public sealed record DocumentProblem(string File, int Line, string Field, string Message, string? Fix = null)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        var field = Field.Length > 0 ? $" {Field}:" : "";
        return Fix is null ? $"{where}:{field} {Message}" : $"{where}:{field} {Message} Fix: {Fix}";
    }
}

namespace GitRegistry.Storage;

/// <summary>One registry change: the files to write (null content deletes), and the commit message's parts.</summary>
/// <param name="Subject">The commit subject, e.g. "Register churn_predictor version 7".</param>
/// <param name="Body">Free text (a comment or justification), or null.</param>
/// <param name="Trailers">Machine-readable trailers, in order (Registry-Action first).</param>
/// <param name="Files">Path to new content; null content deletes the file.</param>
internal sealed record PendingWrite(
    string Subject,
    string? Body,
    IReadOnlyList<KeyValuePair<string, string>> Trailers,
    IReadOnlyDictionary<string, string?> Files)
{
    public string Message()
    {
        var text = new System.Text.StringBuilder(Subject.Trim()).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(Body))
        {
            text.Append(Body.Replace("\r", "").Trim()).Append("\n\n");
        }
        foreach (var (key, value) in Trailers)
        {
            text.Append(key).Append(": ").Append(value.Replace('\n', ' ').Trim()).Append('\n');
        }
        return text.ToString();
    }
}

namespace GitRegistry.Runtime;

/// <summary>Reads the parts of a model URI (<c>models:/NAME/STAGE</c>, <c>/VERSION</c>, <c>@ALIAS</c>, <c>/latest</c>) the runtime reports.</summary>
internal static class ModelRequest
{
    private const string Prefix = "models:/";

    /// <summary>The stage a request names, or null when it names a version, an alias or latest.</summary>
    public static string? Stage(string request)
    {
        if (!request.StartsWith(Prefix, StringComparison.Ordinal) || request.Contains('@'))
        {
            return null;
        }
        var slash = request.IndexOf('/', Prefix.Length);
        if (slash < 0)
        {
            return null;
        }
        var reference = request[(slash + 1)..];
        return reference.Length == 0 || reference == "latest" || char.IsAsciiDigit(reference[0]) ? null : reference;
    }
}

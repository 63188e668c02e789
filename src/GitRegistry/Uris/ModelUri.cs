using System.Globalization;

namespace GitRegistry;

/// <summary>
/// A model URI in MLflow's form: <c>models:/name/7</c>, <c>models:/name/Production</c>, <c>models:/name@champion</c>
/// or <c>models:/name/latest</c>.
/// </summary>
public sealed record ModelUri(string Name, ModelUriKind Kind, string? Reference)
{
    /// <summary>The scheme prefix.</summary>
    public const string Prefix = "models:/";

    /// <summary>The version number, for <see cref="ModelUriKind.Version"/>.</summary>
    public int? Version => Kind == ModelUriKind.Version ? int.Parse(Reference!, CultureInfo.InvariantCulture) : null;

    /// <summary>Parses a URI; throws a usage error that shows the accepted forms.</summary>
    public static ModelUri Parse(string text)
    {
        if (TryParse(text, out var uri, out var error))
        {
            return uri;
        }
        throw new RegistryException(ErrorKind.Usage, $"'{ModelName.Printable(text)}' is not a model URI: {error}",
            "write models:/NAME/VERSION, models:/NAME/STAGE, models:/NAME@ALIAS or models:/NAME/latest");
    }

    /// <summary>Parses a URI without throwing.</summary>
    public static bool TryParse(string? text, out ModelUri uri, out string error)
    {
        uri = null!;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = $"it must start with '{Prefix}'";
            return false;
        }
        var rest = text[Prefix.Length..];
        var at = rest.IndexOf('@');
        var slash = rest.IndexOf('/');
        if (at >= 0 && (slash < 0 || at < slash))
        {
            var name = rest[..at];
            var alias = rest[(at + 1)..];
            if (!ModelName.IsValid(name)) { error = $"'{ModelName.Printable(name)}' is not a valid model name"; return false; }
            if (!AliasName.IsValid(alias)) { error = $"'{ModelName.Printable(alias)}' is not a valid alias"; return false; }
            uri = new ModelUri(name, ModelUriKind.Alias, alias);
            error = "";
            return true;
        }
        if (slash < 0)
        {
            error = "it names no version, stage or alias";
            return false;
        }
        var model = rest[..slash];
        var reference = rest[(slash + 1)..];
        if (!ModelName.IsValid(model)) { error = $"'{ModelName.Printable(model)}' is not a valid model name"; return false; }
        if (reference == "latest")
        {
            uri = new ModelUri(model, ModelUriKind.Latest, null);
        }
        else if (reference.Length is > 0 and <= 9 && reference.All(char.IsAsciiDigit) && reference[0] != '0')
        {
            uri = new ModelUri(model, ModelUriKind.Version, reference);
        }
        else if (StageName.IsValid(reference))
        {
            uri = new ModelUri(model, ModelUriKind.Stage, reference);
        }
        else
        {
            error = $"'{ModelName.Printable(reference)}' is neither a version number, a stage nor 'latest'";
            return false;
        }
        error = "";
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ModelUriKind.Alias => $"{Prefix}{Name}@{Reference}",
        ModelUriKind.Latest => $"{Prefix}{Name}/latest",
        _ => $"{Prefix}{Name}/{Reference}",
    };
}

using System.Globalization;

namespace GitRegistry.Storage;

/// <summary>Where each kind of file lives in a registry tree.</summary>
public static class RegistryPaths
{
    /// <summary>The folder holding one folder per model.</summary>
    public const string Models = "models";

    /// <summary><c>models/NAME</c></summary>
    public static string ModelFolder(string name) => $"{Models}/{name}";

    /// <summary><c>models/NAME/model.yaml</c></summary>
    public static string ModelFile(string name) => $"{Models}/{name}/model.yaml";

    /// <summary><c>models/NAME/versions</c></summary>
    public static string VersionsFolder(string name) => $"{Models}/{name}/versions";

    /// <summary><c>models/NAME/versions/N.yaml</c></summary>
    public static string VersionFile(string name, int version) =>
        $"{Models}/{name}/versions/{version.ToString(CultureInfo.InvariantCulture)}.yaml";

    /// <summary><c>models/NAME/approvals</c></summary>
    public static string ApprovalsFolder(string name) => $"{Models}/{name}/approvals";

    /// <summary><c>models/NAME/approvals/N.yaml</c></summary>
    public static string ApprovalsFile(string name, int version) =>
        $"{Models}/{name}/approvals/{version.ToString(CultureInfo.InvariantCulture)}.yaml";

    /// <summary>Parses a manifest file name (<c>7.yaml</c>) to its version number.</summary>
    public static bool TryParseVersionFile(string fileName, out int version)
    {
        version = 0;
        return fileName.EndsWith(".yaml", StringComparison.Ordinal)
            && fileName.Length > 5 && fileName[0] != '0'
            && fileName[..^5].All(char.IsAsciiDigit)
            && int.TryParse(fileName[..^5], NumberStyles.None, CultureInfo.InvariantCulture, out version)
            && version > 0;
    }
}

namespace GitRegistry.Reading;

/// <summary>One model in a listing.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Description">Its description.</param>
/// <param name="LiveVersions">How many versions are not deleted.</param>
/// <param name="LatestVersion">The highest live version, or null.</param>
/// <param name="Stages">For each stage held by a live version (None excepted), the highest version in it.</param>
/// <param name="Aliases">Aliases and their versions.</param>
public sealed record ModelSummary(
    string Name,
    string? Description,
    int LiveVersions,
    int? LatestVersion,
    IReadOnlyDictionary<string, int> Stages,
    IReadOnlyDictionary<string, int> Aliases);

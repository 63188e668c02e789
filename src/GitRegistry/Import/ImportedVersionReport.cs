namespace GitRegistry.Import;

/// <summary>One version an import wrote.</summary>
/// <param name="Version">The version number (the source's).</param>
/// <param name="Stage">The stage it was placed in.</param>
/// <param name="Aliases">Aliases set to it.</param>
/// <param name="Deleted">True when it was imported as deleted.</param>
/// <param name="ArtifactUri">Where its artifact is now (<c>none:</c> when the source had no reachable file).</param>
/// <param name="Sha256">The artifact's sha256.</param>
/// <param name="Size">The artifact's size in bytes.</param>
public sealed record ImportedVersionReport(int Version, string Stage, IReadOnlyList<string> Aliases, bool Deleted, string ArtifactUri, string Sha256, long Size);

namespace GitRegistry.Site;

/// <summary>A stretch of time during which a version held a stage, read from the verified history.</summary>
/// <param name="Stage">The stage held.</param>
/// <param name="Version">The version that held it.</param>
/// <param name="From">When the version entered the stage.</param>
/// <param name="To">When it left, or null if it still holds the stage.</param>
/// <param name="Verified">True when the commits that moved it in (and out) verified.</param>
public sealed record StageSpan(string Stage, int Version, DateTimeOffset From, DateTimeOffset? To, bool Verified);

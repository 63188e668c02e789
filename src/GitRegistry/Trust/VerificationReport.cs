namespace GitRegistry.Trust;

/// <summary>The verification of a range of commits.</summary>
/// <param name="Range">The range verified, as given.</param>
/// <param name="Commits">Each commit's report, oldest first.</param>
public sealed record VerificationReport(string Range, IReadOnlyList<CommitReport> Commits)
{
    /// <summary>How many of <see cref="Commits"/> were verified in an earlier run and read back (see <c>--no-cache</c>).</summary>
    public int Remembered { get; init; }

    /// <summary>True when every commit passes.</summary>
    public bool Passed => Commits.All(c => c.Passed);

    /// <summary>The commits that break a rule.</summary>
    public IEnumerable<CommitReport> Failures => Commits.Where(c => !c.Passed);
}

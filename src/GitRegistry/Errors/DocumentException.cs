namespace GitRegistry;

/// <summary>One or more registry files that break their schema or a cross-file rule.</summary>
public sealed class DocumentException : RegistryException
{
    /// <summary>Creates the failure from the problems found.</summary>
    public DocumentException(IReadOnlyList<DocumentProblem> problems)
        : base(ErrorKind.Validation, Describe(problems), problems.Count == 1 ? problems[0].Fix : null)
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<DocumentProblem> Problems { get; }

    private static string Describe(IReadOnlyList<DocumentProblem> problems) =>
        problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems:\n" + string.Join("\n", problems.Select(p => "  " + p));
}

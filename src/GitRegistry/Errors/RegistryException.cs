namespace GitRegistry;

/// <summary>
/// A failure the user can act on. <see cref="Exception.Message"/> names what is at fault;
/// <see cref="Fix"/>, when known, says what to do about it.
/// </summary>
public class RegistryException : Exception
{
    /// <summary>Creates a failure of the given kind.</summary>
    public RegistryException(ErrorKind kind, string message, string? fix = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        Fix = fix;
    }

    /// <summary>The category, which maps onto the CLI's exit code.</summary>
    public ErrorKind Kind { get; }

    /// <summary>One line that tells the user how to fix the problem, or null.</summary>
    public string? Fix { get; }
}

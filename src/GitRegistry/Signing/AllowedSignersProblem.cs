namespace GitRegistry.Signing;

/// <summary>A line of an allowed-signers file that OpenSSH would skip, and why.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record AllowedSignersProblem(int Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"line {Line}: {Message}";
}

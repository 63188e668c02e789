namespace GitRegistry.Locking;

/// <summary>A restore failure with a stable code (<see cref="RestoreCodes"/>) and a one-line fix.</summary>
public sealed class RestoreException : RegistryException
{
    /// <summary>Creates the failure.</summary>
    public RestoreException(string code, ErrorKind kind, string message, string fix, Exception? inner = null)
        : base(kind, message, fix, inner)
    {
        Code = code;
    }

    /// <summary>The stable code, e.g. <c>GR1004</c>.</summary>
    public string Code { get; }
}

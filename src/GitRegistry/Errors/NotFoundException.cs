namespace GitRegistry;

/// <summary>A model, version, stage or alias that does not exist; the message lists what does.</summary>
public sealed class NotFoundException(string message, string? fix = null)
    : RegistryException(ErrorKind.NotFound, message, fix);

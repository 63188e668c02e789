using GitRegistry.Trust;

namespace GitRegistry.Site;

/// <summary>One event of the audit trail as the site shows it: the event and whether its commit verified.</summary>
/// <param name="Event">What happened, who did it and when.</param>
/// <param name="Passed">True when the commit's signature and the policy checks passed.</param>
/// <param name="Problems">Why the commit failed verification, if it did.</param>
public sealed record AuditEntry(RegistryEvent Event, bool Passed, IReadOnlyList<string> Problems)
{
    /// <summary>True when the signature verified for the actor and the commit broke no rule.</summary>
    public bool IsVerified => Passed && Event.Verified;
}

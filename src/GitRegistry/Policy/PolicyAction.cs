namespace GitRegistry.Policy;

/// <summary>The kinds of change the policy's permissions name (the keys of <c>policy.permissions</c>).</summary>
public static class PolicyAction
{
    /// <summary>Registering a version.</summary>
    public const string Register = "register";
    /// <summary>Moving a version to another stage.</summary>
    public const string Transition = "transition";
    /// <summary>Setting or deleting an alias.</summary>
    public const string Alias = "alias";
    /// <summary>Setting or deleting a tag.</summary>
    public const string Tag = "tag";
    /// <summary>Changing a description.</summary>
    public const string Describe = "describe";
    /// <summary>Deleting a version.</summary>
    public const string Delete = "delete";
    /// <summary>Recording an approval.</summary>
    public const string Approve = "approve";
    /// <summary>Changing registry.yaml or the allowed-signers file.</summary>
    public const string Configure = "configure";
    /// <summary>Signing a merge commit.</summary>
    public const string Merge = "merge";
}

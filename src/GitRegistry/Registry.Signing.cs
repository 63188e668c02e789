namespace GitRegistry;

public sealed partial class Registry
{
    /// <summary>The git repository behind the registry, for <see cref="Signing.CommitSignatureVerifier"/>.</summary>
    internal LibGit2Sharp.Repository GitRepository => _repository.Git;
}

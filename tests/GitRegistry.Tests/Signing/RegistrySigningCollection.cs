using Xunit;

namespace GitRegistry.Tests.Signing;

/// <summary>
/// Tests that drive <see cref="Registry"/> itself, which runs git with the test process's own environment. Their
/// fixture points that environment at a throwaway HOME and git config, so they run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RegistrySigningCollection : ICollectionFixture<RegistrySigningEnvironment>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Registry signing (process environment)";
}

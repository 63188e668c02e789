namespace GitRegistry.Tests.Testing;

/// <summary>Tests that change the process's environment variables, and so run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

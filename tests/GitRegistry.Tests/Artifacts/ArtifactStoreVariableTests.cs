using System.Security.Cryptography;
using GitRegistry.Registration;
using GitRegistry.Tests.Testing;

namespace GitRegistry.Tests.Artifacts;

/// <summary>GITREG_ARTIFACT_STORE points the local store elsewhere, for every registry of the process.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ArtifactStoreVariableTests
{
    [Fact]
    public void The_artifact_store_variable_moves_the_store_and_fetch_reads_from_there()
    {
        using var registry = TestRegistry.Create(bare: true);
        var store = Path.Combine(registry.Folder, "elsewhere");
        var bytes = RandomNumberGenerator.GetBytes(256);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Environment.SetEnvironmentVariable(Registry.ArtifactStoreVariable, store);
        try
        {
            registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = registry.WriteFile("model.onnx", bytes) });

            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(store, "sha256", sha[..2], sha)));
            Assert.False(Directory.Exists(Path.Combine(registry.GitDirectory, "gitreg", "artifacts", "sha256")));
            Assert.Equal(bytes, File.ReadAllBytes(registry.Registry.FetchArtifact(registry.Registry.Resolve("models:/churn/1"), Path.Combine(registry.Folder, "out"))));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Registry.ArtifactStoreVariable, null);
        }
    }
}

using System.Security.Cryptography;
using GitRegistry.Registration;

namespace GitRegistry.Tests.Artifacts;

/// <summary>Artifacts go to the local content-addressed store and come back byte for byte, or not at all.</summary>
public sealed class FetchArtifactTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_fetched_artifact_has_the_registered_bytes_and_file_name(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = registry.WriteFile("model.onnx", bytes) });
        var output = Path.Combine(registry.Folder, "out");

        var path = registry.Registry.FetchArtifact(registry.Registry.Resolve("models:/churn/1"), output);

        Assert.Equal(Path.Combine(output, "model.onnx"), path);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_store_keeps_the_bytes_under_the_git_directory_by_their_sha256(bool bare)
    {
        using var registry = TestRegistry.Create(bare);
        var bytes = RandomNumberGenerator.GetBytes(1000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = registry.WriteFile("model.onnx", bytes) });

        Assert.Equal(bytes, File.ReadAllBytes(StoredBlob(registry, sha)));
    }

    [Fact]
    public void Identical_artifacts_are_stored_once_and_both_versions_fetch()
    {
        using var registry = TestRegistry.Create();
        var artifact = registry.WriteFile("model.onnx", "same bytes");
        registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = artifact });
        registry.Registry.Register(new RegistrationRequest { Name = "fraud", ArtifactPath = artifact });

        var blobs = Directory.GetFiles(Path.Combine(registry.GitDirectory, "gitreg", "artifacts", "sha256"), "*", SearchOption.AllDirectories);

        Assert.Single(blobs);
        Assert.Equal("same bytes", File.ReadAllText(registry.Registry.FetchArtifact(registry.Registry.Resolve("models:/fraud/1"), Path.Combine(registry.Folder, "out"))));
    }

    [Fact]
    public void A_tampered_blob_is_detected_and_nothing_is_left_at_the_destination()
    {
        using var registry = TestRegistry.Create();
        var bytes = RandomNumberGenerator.GetBytes(4096);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = registry.WriteFile("model.onnx", bytes) });
        var blob = StoredBlob(registry, sha);
        bytes[100] ^= 0xff;
        File.WriteAllBytes(blob, bytes);
        var output = Path.Combine(registry.Folder, "out");

        var error = Assert.Throws<RegistryException>(() => registry.Registry.FetchArtifact(registry.Registry.Resolve("models:/churn/1"), output));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Contains("is corrupt", error.Message);
        Assert.Contains(blob, error.Fix);
        Assert.Empty(Directory.Exists(output) ? Directory.GetFileSystemEntries(output) : []);
    }

    [Fact]
    public void A_truncated_blob_is_detected()
    {
        using var registry = TestRegistry.Create();
        var bytes = RandomNumberGenerator.GetBytes(4096);
        registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = registry.WriteFile("model.onnx", bytes) });
        File.WriteAllBytes(StoredBlob(registry, Convert.ToHexStringLower(SHA256.HashData(bytes))), bytes[..4000]);

        var error = Assert.Throws<RegistryException>(() => registry.Registry.FetchArtifact(registry.Registry.Resolve("models:/churn/1"), Path.Combine(registry.Folder, "out")));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Contains("(4000 bytes)", error.Message);
    }

    [Fact]
    public void A_missing_blob_is_an_artifact_error_saying_where_it_was_looked_for()
    {
        using var registry = TestRegistry.Create();
        var bytes = RandomNumberGenerator.GetBytes(64);
        registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = registry.WriteFile("model.onnx", bytes) });
        File.Delete(StoredBlob(registry, Convert.ToHexStringLower(SHA256.HashData(bytes))));

        var error = Assert.Throws<RegistryException>(() => registry.Registry.FetchArtifact(registry.Registry.Resolve("models:/churn/1"), Path.Combine(registry.Folder, "out")));

        Assert.Equal(ErrorKind.Artifact, error.Kind);
        Assert.Contains("is not in the local store", error.Message);
        Assert.Contains("GITREG_ARTIFACT_STORE", error.Fix);
    }

    [Fact]
    public void A_store_path_in_registry_yaml_is_used_relative_to_the_git_directory()
    {
        using var registry = TestRegistry.Create();
        registry.EditByHand("registry.yaml", text => text.Replace("  type: local\n", "  type: local\n  path: ../../shared-store\n", StringComparison.Ordinal));
        var bytes = RandomNumberGenerator.GetBytes(64);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = registry.WriteFile("model.onnx", bytes) });

        var expected = Path.GetFullPath(Path.Combine(registry.GitDirectory, "../../shared-store", "sha256", sha[..2], sha));
        Assert.Equal(bytes, File.ReadAllBytes(expected));
        Assert.Equal(Path.GetFullPath(Path.Combine(registry.GitDirectory, "../../shared-store")), ((Stores.LocalArtifactStore)registry.Registry.ArtifactStore()).Root);
    }

    [Fact]
    public void Progress_reports_every_byte_stored_and_fetched()
    {
        using var registry = TestRegistry.Create();
        var bytes = RandomNumberGenerator.GetBytes(2 * 1024 * 1024 + 5);
        var stored = new List<long>();
        registry.Registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = registry.WriteFile("model.onnx", bytes), Progress = new SynchronousProgress(stored.Add) });
        var fetched = new List<long>();

        registry.Registry.FetchArtifact(registry.Registry.Resolve("models:/churn/1"), Path.Combine(registry.Folder, "out"), new SynchronousProgress(fetched.Add));

        Assert.Equal(bytes.Length, stored[^1]);
        Assert.Equal(bytes.Length, fetched[^1]);
        Assert.Equal(stored.Order(), stored);
    }

    private static string StoredBlob(TestRegistry registry, string sha) =>
        Path.Combine(registry.GitDirectory, "gitreg", "artifacts", "sha256", sha[..2], sha);

    // Progress<T> posts to the thread pool; a test needs the reports in order, on the calling thread.
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

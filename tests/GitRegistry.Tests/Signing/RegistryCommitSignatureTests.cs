using GitRegistry.Registration;
using GitRegistry.Signing;
using Xunit;

namespace GitRegistry.Tests.Signing;

/// <summary>The commits GitRegistry's own writes make, verified in-process and by <c>git verify-commit</c>.</summary>
[Collection(RegistrySigningCollection.Name)]
public sealed class RegistryCommitSignatureTests(RegistrySigningEnvironment environment)
{
    private SigningFixture Fixture => environment.Signing;

    [Fact]
    public void Commits_of_init_and_register_are_good_here_and_in_git()
    {
        using var registry = NewRegistryWithOneModel();
        var ids = Commits(registry);
        var allowed = WriteAllowedSigners($"{RegistrySigningEnvironment.Email} namespaces=\"git\" {environment.Key.PublicKey}\n");
        var verifier = new CommitSignatureVerifier(AllowedSigners.Load(allowed, TimeZoneInfo.Utc));

        Assert.Equal(2, ids.Count);
        foreach (var id in ids)
        {
            var result = verifier.Verify(registry, id);
            Assert.Equal(CommitSignatureStatus.Good, result.Status);
            Assert.Equal(RegistrySigningEnvironment.Email, result.Principal);
            Assert.Equal(RegistrySigningEnvironment.Email, result.CommitterEmail);
            Assert.Equal(0, VerifyWithGit(registry, id, allowed).ExitCode);
        }
    }

    [Fact]
    public void Registry_commits_by_a_key_listed_for_someone_else_are_a_principal_mismatch()
    {
        using var registry = NewRegistryWithOneModel();
        var allowed = WriteAllowedSigners($"intern@example.com {environment.Key.PublicKey}\n");
        var verifier = new CommitSignatureVerifier(AllowedSigners.Load(allowed, TimeZoneInfo.Utc));

        foreach (var id in Commits(registry))
        {
            Assert.Equal(CommitSignatureStatus.PrincipalMismatch, verifier.Verify(registry, id).Status);
            Assert.Equal(0, VerifyWithGit(registry, id, allowed).ExitCode);
        }
    }

    [Fact]
    public void Registry_commits_by_an_unlisted_key_are_unknown_here_and_bad_in_git()
    {
        using var registry = NewRegistryWithOneModel();
        var allowed = WriteAllowedSigners($"{RegistrySigningEnvironment.Email} {Fixture.Key("ed25519", name: "stranger").PublicKey}\n");
        var verifier = new CommitSignatureVerifier(AllowedSigners.Load(allowed, TimeZoneInfo.Utc));

        foreach (var id in Commits(registry))
        {
            Assert.Equal(CommitSignatureStatus.UnknownKey, verifier.Verify(registry, id).Status);
            Assert.NotEqual(0, VerifyWithGit(registry, id, allowed).ExitCode);
        }
    }

    private Registry NewRegistryWithOneModel()
    {
        var folder = Fixture.NewFolder("registry");
        var artifact = Path.Combine(folder, "model.onnx");
        File.WriteAllBytes(artifact, [1, 2, 3, 4]);
        var registry = Registry.Init(Path.Combine(folder, "registry"));
        registry.Register(new RegistrationRequest { Name = "churn", ArtifactPath = artifact, Description = "first" });
        return registry;
    }

    private List<string> Commits(Registry registry) =>
        Fixture.Run("git", ["--git-dir", registry.GitDirectory, "rev-list", "main"]).ShouldSucceed().Text
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    private string WriteAllowedSigners(string text)
    {
        var path = Path.Combine(Fixture.NewFolder("allowed"), "allowed_signers");
        File.WriteAllText(path, text);
        return path;
    }

    private ToolResult VerifyWithGit(Registry registry, string id, string allowedSigners) =>
        Fixture.Run("git", ["--git-dir", registry.GitDirectory, "-c", $"gpg.ssh.allowedSignersFile={allowedSigners}", "verify-commit", id]);
}

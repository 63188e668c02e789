using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

public sealed class OpenPgpTests : IDisposable
{
    private readonly CliHarness _user = new("Olga", "olga@example.com", signingKey: false);
    private readonly string _gnupgHome = Directory.CreateTempSubdirectory("gpg").FullName; // short: gpg-agent's socket path is limited

    public OpenPgpTests()
    {
        _user.Environment["GNUPGHOME"] = _gnupgHome;
    }

    [Fact]
    public void A_registry_signed_with_openpgp_verifies_through_gpg_and_refuses_an_unlisted_key()
    {
        var fingerprint = NewKey("Olga <olga@example.com>");
        _user.Git("config", "--global", "gpg.format", "openpgp").ShouldSucceed();
        _user.Git("config", "--global", "user.signingkey", fingerprint).ShouldSucceed();
        var registry = _user.PathOf("registry");
        _user.GitReg("init", registry, "--approvals", "0").ShouldSucceed();
        _user.GitReg("--registry", registry, "register", "churn", "--artifact", _user.ModelFile()).ShouldSucceed();

        var good = (JObject)_user.GitReg("--registry", registry, "--json", "verify").ShouldSucceed().Json;
        Assert.All(good["commits"]!, c => Assert.Equal("Good", (string)c["signature"]!["status"]!));
        Assert.Contains(fingerprint, File.ReadAllText(Path.Combine(registry, "registry.yaml")));
        _user.GitIn(registry, "verify-commit", "HEAD").ShouldSucceed();

        // Another key of the same person, not listed in registry.yaml, is refused (git itself would accept it).
        var other = NewKey("Olga <olga@example.com>");
        _user.Git("config", "--global", "user.signingkey", other).ShouldSucceed();
        _user.GitReg("--registry", registry, "register", "churn", "--artifact", _user.ModelFile(seed: 2)).ShouldSucceed();
        var bad = _user.GitReg("--registry", registry, "--json", "verify");
        Assert.Equal((int)ExitCodes.SigningFailed, bad.ExitCode);
        Assert.Equal("UnknownKey", (string)bad.Json["commits"]!.Last!["signature"]!["status"]!);
        _user.GitIn(registry, "verify-commit", "HEAD").ShouldSucceed();
    }

    private string NewKey(string uid)
    {
        var before = Fingerprints();
        _user.Run("gpg", ["--batch", "--yes", "--passphrase", "", "--quick-gen-key", uid, "ed25519", "sign", "never"]).ShouldSucceed();
        return Fingerprints().Except(before).Single();
    }

    private List<string> Fingerprints() =>
        _user.Run("gpg", ["--batch", "--with-colons", "--list-secret-keys"]).StandardOutput.Split('\n')
            .Where(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Select(l => l.Split(':')[9]).Distinct().ToList();

    public void Dispose()
    {
        _user.Run("gpgconf", ["--kill", "gpg-agent"]);
        Directory.Delete(_gnupgHome, recursive: true);
        _user.Dispose();
    }
}

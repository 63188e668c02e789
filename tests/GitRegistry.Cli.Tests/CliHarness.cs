using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Cli.Tests;

/// <summary>
/// A hermetic user for driving the real gitreg executable: its own HOME, git config (no system config) and a
/// fresh ed25519 signing key made by ssh-keygen. Every gitreg run is a separate OS process, as for a user.
/// </summary>
public sealed class CliHarness : IDisposable
{
    private static readonly string GitRegDll = Path.Combine(AppContext.BaseDirectory, "gitreg.dll");

    public CliHarness(string name = "Ada Lovelace", string email = "ada@example.com", bool signingKey = true)
    {
        Root = Directory.CreateTempSubdirectory("gitreg-cli-test-").FullName;
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);
        Email = email;
        GlobalConfig = Path.Combine(Home, ".gitconfig");
        File.WriteAllText(GlobalConfig, $"[user]\n\tname = {name}\n\temail = {email}\n[init]\n\tdefaultBranch = main\n");
        AllowedSigners = Path.Combine(Root, "allowed_signers");
        File.WriteAllText(AllowedSigners, "");
        if (signingKey)
        {
            KeyPath = Path.Combine(Home, "signing_key");
            Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", email, "-f", KeyPath]).ShouldSucceed();
            Git("config", "--global", "gpg.format", "ssh").ShouldSucceed();
            Git("config", "--global", "user.signingkey", KeyPath).ShouldSucceed();
            File.WriteAllText(AllowedSigners, $"{email} namespaces=\"git\" {File.ReadAllText(KeyPath + ".pub").Trim()}\n");
        }
        Git("config", "--global", "gpg.ssh.allowedSignersFile", AllowedSigners).ShouldSucceed();
    }

    public string Root { get; }

    public string Home { get; }

    public string Email { get; }

    public string GlobalConfig { get; }

    public string AllowedSigners { get; }

    public string? KeyPath { get; }

    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>A path inside this harness's temp folder.</summary>
    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Runs gitreg with the arguments; the working directory defaults to the temp root.</summary>
    public Result GitReg(params string[] args) => Run("dotnet", [GitRegDll, .. args]);

    /// <summary>Runs gitreg in a given working directory.</summary>
    public Result GitRegIn(string directory, params string[] args) => Run("dotnet", [GitRegDll, .. args], directory);

    /// <summary>Starts gitreg without waiting (for concurrency tests).</summary>
    public Process StartGitReg(params string[] args) => Process.Start(StartInfo("dotnet", [GitRegDll, .. args], Root))!;

    public Result Git(params string[] args) => Run("git", args);

    public Result GitIn(string directory, params string[] args) => Run("git", args, directory);

    /// <summary>Creates a registry with gitreg init and returns its path.</summary>
    public string InitRegistry(string name = "registry", bool bare = false, int approvals = 0)
    {
        var path = PathOf(name);
        GitReg(bare ? ["init", path, "--bare", "--approvals", approvals.ToString()] : ["init", path, "--approvals", approvals.ToString()]).ShouldSucceed();
        return path;
    }

    /// <summary>
    /// Replaces the <c>artifact_store</c> section of a registry's registry.yaml (as written by gitreg init) with
    /// <paramref name="yaml"/> and commits it signed, as a maintainer would by hand.
    /// </summary>
    public void SetArtifactStore(string registry, string yaml)
    {
        var file = Path.Combine(registry, "registry.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("artifact_store:\n  type: local\n", "artifact_store:\n" + yaml, StringComparison.Ordinal));
        GitIn(registry, "commit", "-S", "-q", "-am", "Store new artifacts in the team's store").ShouldSucceed();
    }

    /// <summary>Writes a file of random bytes (a stand-in model) and returns its path.</summary>
    public string ModelFile(string name = "model.onnx", int size = 4096, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public Result Run(string program, string[] args, string? directory = null)
    {
        using var process = Process.Start(StartInfo(program, args, directory ?? Root))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result, $"{program} {string.Join(' ', args)}");
    }

    private ProcessStartInfo StartInfo(string program, string[] args, string directory)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["HOME"] = Home;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = GlobalConfig;
        start.Environment["GNUPGHOME"] = Path.Combine(Home, ".gnupg");
        start.Environment.Remove("GITREG_REGISTRY");
        start.Environment.Remove("GITREG_ARTIFACT_STORE");
        start.Environment.Remove("CI");
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }
        return start;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS cleans temp folders eventually.
        }
    }

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError, string CommandLine)
    {
        public Result ShouldSucceed()
        {
            Assert.True(ExitCode == 0, $"{CommandLine} exited with {ExitCode}\nstdout: {StandardOutput}\nstderr: {StandardError}");
            return this;
        }

        public Result ShouldFailWith(ExitCodes code)
        {
            Assert.True(ExitCode == (int)code, $"{CommandLine}: expected exit {(int)code} ({code}), got {ExitCode}\nstdout: {StandardOutput}\nstderr: {StandardError}");
            return this;
        }

        public JToken Json => JToken.Parse(StandardOutput);

        public JObject ErrorJson => JObject.Parse(StandardError);
    }
}

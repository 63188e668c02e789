using System.Security.Cryptography;

namespace GitRegistry.Cli.Tests;

/// <summary>
/// A registry whose registry.yaml names a remote artifact store, as docs/artifact-stores.md shows: an author who
/// registers into it, and a reader on another machine (own HOME, no signing key, a fresh clone with no local store)
/// who fetches from it. Store credentials go to both through environment variables, as they would on real machines.
/// </summary>
public sealed class RemoteStoreRegistry : IDisposable
{
    public RemoteStoreRegistry(string artifactStoreYaml, IReadOnlyDictionary<string, string>? variables = null)
    {
        Path = Author.InitRegistry();
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            Author.Environment[name] = value;
            Reader.Environment[name] = value;
        }
        Author.SetArtifactStore(Path, artifactStoreYaml);
    }

    public CliHarness Author { get; } = new();

    public CliHarness Reader { get; } = new("Grace Hopper", "grace@example.com", signingKey: false);

    public string Path { get; }

    /// <summary>The folder the reader fetches into.</summary>
    public string ReaderOutput => Reader.PathOf("out");

    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Runs <c>gitreg --json register ...</c> as the author and returns the recorded artifact URI.</summary>
    public string Register(params string[] args) =>
        (string)Author.GitReg(["--json", "--registry", Path, "register", .. args]).ShouldSucceed().Json["manifest"]!["artifact"]!["uri"]!;

    /// <summary>Clones the registry on the reader's machine (once) and runs <c>gitreg artifact</c> there.</summary>
    public CliHarness.Result FetchInFreshClone(string modelUri)
    {
        var clone = Reader.PathOf("registry");
        if (!Directory.Exists(clone))
        {
            Reader.Git("clone", "-q", Path, clone).ShouldSucceed();
        }
        return Reader.GitReg("--json", "--registry", clone, "artifact", modelUri, "-o", ReaderOutput);
    }

    /// <summary>Fetches <paramref name="modelUri"/> in a fresh clone and checks what a user would: the bytes and the sha256 gitreg reports.</summary>
    public void ShouldFetchInFreshClone(string modelUri, string original)
    {
        var fetched = FetchInFreshClone(modelUri).ShouldSucceed().Json;
        var path = (string)fetched["path"]!;
        Assert.StartsWith(ReaderOutput, path, StringComparison.Ordinal);
        Assert.Equal(Sha256(original), (string)fetched["sha256"]!);
        Assert.Equal(Sha256(original), Sha256(path));
        Assert.Equal(new FileInfo(original).Length, new FileInfo(path).Length);
    }

    public void Dispose()
    {
        Reader.Dispose();
        Author.Dispose();
    }
}

using System.Text;
using Xunit;

namespace GitRegistry.Tests.Signing;

/// <summary>A throwaway git repository driven through the git CLI, for making and checking signed commits.</summary>
public sealed class ScratchRepository
{
    private readonly SigningFixture _fixture;
    private int _commits;

    /// <summary>Runs <c>git init</c> in a new folder.</summary>
    public ScratchRepository(SigningFixture fixture, string name = "repo")
    {
        _fixture = fixture;
        Path = fixture.NewFolder(name);
        Git("init", "--quiet", "--initial-branch", "main").ShouldSucceed();
    }

    /// <summary>The working tree (and, with .git, the repository).</summary>
    public string Path { get; }

    /// <summary>Runs git in the repository.</summary>
    public ToolResult Git(params string[] arguments) => Git(arguments, null, null);

    /// <summary>Runs git in the repository with standard input and extra environment variables.</summary>
    public ToolResult Git(IEnumerable<string> arguments, byte[]? input, IReadOnlyDictionary<string, string?>? environment) =>
        _fixture.Run("git", arguments, Path, input, environment);

    /// <summary>
    /// Commits a changed file with plain <c>git commit</c>, signed with <paramref name="key"/> when given
    /// (<c>-c gpg.format=ssh -c user.signingkey=KEY commit -S</c>); returns the commit id.
    /// </summary>
    /// <param name="message">The commit message.</param>
    /// <param name="key">The signing key, or null for an unsigned commit.</param>
    /// <param name="date">GIT_COMMITTER_DATE and GIT_AUTHOR_DATE, e.g. <c>2020-01-01T00:00:00Z</c>; now when null.</param>
    /// <param name="email">The committer's (and author's) e-mail address.</param>
    /// <param name="timeZone">TZ for git, which it uses to write the commit's time zone offset.</param>
    public string Commit(string message, SigningKey? key = null, string? date = null, string email = "alice@example.com", string timeZone = "UTC")
    {
        var file = System.IO.Path.Combine(Path, "file.txt");
        File.AppendAllText(file, $"change {++_commits}\n");
        Git("add", "file.txt").ShouldSucceed();
        List<string> arguments = ["-c", "user.name=Alice Example", "-c", $"user.email={email}"];
        if (key is not null)
        {
            arguments.AddRange(["-c", "gpg.format=ssh", "-c", $"user.signingkey={key.PrivateKeyPath}"]);
        }
        arguments.AddRange(["commit", "--quiet", key is null ? "--no-gpg-sign" : "-S", "-m", message]);
        var environment = new Dictionary<string, string?> { ["TZ"] = timeZone };
        if (date is not null)
        {
            environment["GIT_COMMITTER_DATE"] = date;
            environment["GIT_AUTHOR_DATE"] = date;
        }
        Git(arguments, null, environment).ShouldSucceed();
        return Git("rev-parse", "HEAD").ShouldSucceed().Text.Trim();
    }

    /// <summary>The raw commit object, gpgsig header included.</summary>
    public byte[] RawCommit(string id) => Git("cat-file", "commit", id).ShouldSucceed().Output;

    /// <summary>Stores raw bytes as a commit object (no checks, so tampered objects go in as they are); returns its id.</summary>
    public string WriteCommit(byte[] raw) =>
        Git(["hash-object", "-t", "commit", "-w", "--literally", "--stdin"], raw, null).ShouldSucceed().Text.Trim();

    /// <summary>
    /// Stores a copy of the unsigned commit <paramref name="id"/> with <paramref name="armoredSignature"/> as its
    /// gpgsig header, placed after the committer line as git places it; returns the new commit's id.
    /// </summary>
    public string WriteWithSignature(string id, string armoredSignature)
    {
        var raw = Encoding.UTF8.GetString(RawCommit(id));
        Assert.DoesNotContain("\ngpgsig ", raw);
        var committerEnd = raw.IndexOf('\n', raw.IndexOf("\ncommitter ", StringComparison.Ordinal) + 1);
        var header = "gpgsig " + armoredSignature.Replace("\r", "").TrimEnd('\n').Replace("\n", "\n ") + "\n";
        return WriteCommit(Encoding.UTF8.GetBytes(raw.Insert(committerEnd + 1, header)));
    }

    /// <summary>Writes an allowed-signers file next to the repository; returns its path.</summary>
    public string WriteAllowedSigners(string text)
    {
        var path = System.IO.Path.Combine(_fixture.NewFolder("allowed"), "allowed_signers");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary><c>git -c gpg.ssh.allowedSignersFile=FILE verify-commit ID</c> (exit 0 = good), in time zone <paramref name="timeZone"/>.</summary>
    public ToolResult VerifyWithGit(string id, string allowedSignersFile, string timeZone = "UTC") =>
        Git(["-c", $"gpg.ssh.allowedSignersFile={allowedSignersFile}", "verify-commit", id], null,
            new Dictionary<string, string?> { ["TZ"] = timeZone });
}

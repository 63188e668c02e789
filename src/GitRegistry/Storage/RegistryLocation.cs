using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GitRegistry.Storage;

/// <summary>
/// Where a registry is: a local path (a clone or a bare repository), opened in place, or a git remote URL
/// (https, ssh, file, or scp-like <c>git@host:path</c>), mirrored bare into a cache folder with the git CLI.
/// </summary>
public static partial class RegistryLocation
{
    /// <summary>True when <paramref name="location"/> is a git remote URL rather than a local path.</summary>
    public static bool IsRemote(string location) => location.Contains("://", StringComparison.Ordinal) || ScpLike().IsMatch(location);

    /// <summary>
    /// The local repository path for <paramref name="location"/>: the path itself, or for a URL a bare mirror under
    /// <paramref name="cacheRoot"/>/registries, cloned on first use and fetched on every call.
    /// </summary>
    public static string Materialize(string location, string cacheRoot)
    {
        if (!IsRemote(location))
        {
            return Path.GetFullPath(location);
        }
        var mirrors = Path.Combine(cacheRoot, "registries");
        Directory.CreateDirectory(mirrors);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(location)))[..16];
        var mirror = Path.Combine(mirrors, key + ".git");
        // One writer per mirror: concurrent builds of several projects share it.
        using var gate = Gate(mirror + ".lock");
        if (Directory.Exists(mirror))
        {
            Git("fetching", location, ["--git-dir", mirror, "fetch", "--quiet", "--prune", "--force", "origin", "+refs/heads/*:refs/heads/*"]);
        }
        else
        {
            var partial = mirror + ".partial";
            if (Directory.Exists(partial))
            {
                Directory.Delete(partial, recursive: true);
            }
            Git("cloning", location, ["clone", "--quiet", "--bare", location, partial]);
            Directory.Move(partial, mirror);
        }
        return mirror;
    }

    private static void Git(string doing, string location, string[] arguments)
    {
        var result = ChildProcess.Run("git", arguments);
        if (result.ExitCode != 0)
        {
            throw new RegistryException(ErrorKind.Repository, $"{doing} the registry {location} failed: {result.StandardError.Trim()}",
                "check the URL and that git can reach it with your credentials (try: git ls-remote " + location + ")");
        }
    }

    private static FileStream Gate(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(Random.Shared.Next(50, 200));
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+:")]
    private static partial Regex ScpLike();
}

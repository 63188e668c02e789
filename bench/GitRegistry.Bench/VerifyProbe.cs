using System.Diagnostics;
using GitRegistry.Storage;
using GitRegistry.Trust;

namespace GitRegistry.Bench;

/// <summary>Where verify's time goes per commit: the signature alone, then the whole verification.</summary>
internal static class VerifyProbe
{
    public static void Run(string registry, int count)
    {
        using var git = new LibGit2Sharp.Repository(registry);
        var commits = new List<LibGit2Sharp.Commit>();
        for (var c = git.Head.Tip; c is not null && commits.Count < count; c = c.Parents.FirstOrDefault())
        {
            commits.Add(c);
        }
        commits.Reverse();
        var trust = TrustStore.At(new RegistrySnapshot(git.Head.Tip));
        for (var round = 0; round < 2; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var c in commits)
            {
                trust.Verify(git, c);
            }
            var signatures = clock.Elapsed;
            clock.Restart();
            new HistoryVerifier(git).VerifyCommits(commits, git.Head.Tip, "probe");
            var whole = clock.Elapsed;
            Console.WriteLine($"per commit: signature {signatures.TotalMilliseconds / commits.Count:F2} ms, whole verification {whole.TotalMilliseconds / commits.Count:F2} ms");
        }
    }
}

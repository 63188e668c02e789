using LibGit2Sharp;

namespace GitRegistry.Storage;

/// <summary>
/// The changes between two trees, as libgit2's diff reports them, at the cost of what changed: libgit2 walks
/// every entry of both trees (about 40 ms for a registry of 100,000 versions), while a commit changes a few
/// files. So the changed files are found first by comparing tree ids, descending only where they differ, and
/// the diff is then asked about exactly those paths.
/// </summary>
internal static class TreeDiff
{
    public static IReadOnlyList<TreeEntryChanges> Compare(Repository repository, Tree? old, Tree now)
    {
        var paths = new List<string>();
        Collect(old, now, "", paths);
        if (paths.Count == 0)
        {
            return [];
        }
        // Literal paths, not patterns: a file name may hold '*' or '['.
        return [.. repository.Diff.Compare<TreeChanges>(old, now, paths, new ExplicitPathsOptions { ShouldFailOnUnmatchedPath = false })];
    }

    private static void Collect(Tree? old, Tree? now, string prefix, List<string> paths)
    {
        if (old?.Id == now?.Id)
        {
            return;
        }
        var before = old?.ToDictionary(e => e.Name, StringComparer.Ordinal) ?? [];
        foreach (var entry in now ?? Enumerable.Empty<TreeEntry>())
        {
            before.Remove(entry.Name, out var previous);
            if (previous is not null && previous.Target.Id == entry.Target.Id && previous.Mode == entry.Mode)
            {
                continue;
            }
            Changed(previous, entry, prefix + entry.Name, paths);
        }
        foreach (var removed in before.Values)
        {
            Changed(removed, null, prefix + removed.Name, paths);
        }
    }

    private static void Changed(TreeEntry? old, TreeEntry? now, string path, List<string> paths)
    {
        var oldTree = old?.Target as Tree;
        var newTree = now?.Target as Tree;
        if (oldTree is not null || newTree is not null)
        {
            Collect(oldTree, newTree, path + "/", paths);
        }
        // A file on either side (a folder replacing a file lists both).
        if ((old is not null && old.Target is not Tree) || (now is not null && now.Target is not Tree))
        {
            paths.Add(path);
        }
    }
}

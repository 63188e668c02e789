using System.Reflection;
using System.Runtime.InteropServices;
using LibGit2Sharp;

namespace GitRegistry.Storage;

/// <summary>
/// Lets libgit2 keep large trees in its object cache. By default it caches no tree over 4 KiB, and the
/// <c>models/</c> tree of a registry with a thousand models is ten times that: every file read by path then
/// re-inflated it through its delta chain (about 0.4 ms of a 0.45 ms manifest read on a 100,000-version registry).
/// </summary>
internal static class ObjectCache
{
    // libgit2's GIT_OPT_SET_CACHE_OBJECT_LIMIT and GIT_OBJECT_TREE.
    private const int SetCacheObjectLimit = 6;
    private const int TreeType = 2;

    // The limit is per object; the cache as a whole stays within libgit2's 256 MiB.
    private const ulong TreeLimit = 64UL << 20;

    private static int _applied;

    /// <summary>Raises the cache's size limit for trees, once per process.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1 || (OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64))
        {
            // macOS on arm64 passes C variadic arguments differently; LibGit2Sharp has a separate entry point there.
            return;
        }
        try
        {
            // LibGit2Sharp does not expose this option; its own binding of git_libgit2_opts with these argument types does.
            var options = typeof(Repository).Assembly.GetType("LibGit2Sharp.Core.NativeMethods")?
                .GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .SingleOrDefault(m => m.Name == "git_libgit2_opts" && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(int), typeof(IntPtr), typeof(UIntPtr)]));
            options?.Invoke(null, [SetCacheObjectLimit, (IntPtr)TreeType, (UIntPtr)TreeLimit]);
        }
        catch (Exception e) when (e is TargetInvocationException or MemberAccessException or InvalidOperationException)
        {
            // Only speed depends on it.
        }
    }
}

using LibGit2Sharp;

namespace GitRegistry.Storage;

/// <summary>A snapshot read through a repository handle of its own (see <see cref="RegistrySnapshot.OpenOwnCopy"/>).</summary>
internal sealed class OwnSnapshot(Repository? repository, RegistrySnapshot snapshot) : IDisposable
{
    public RegistrySnapshot Snapshot => snapshot;

    public void Dispose() => repository?.Dispose();
}

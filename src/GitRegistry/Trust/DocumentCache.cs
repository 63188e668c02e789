using GitRegistry.Documents;
using GitRegistry.Storage;
using LibGit2Sharp;

namespace GitRegistry.Trust;

/// <summary>
/// Parsed registry files: walking history reads each file as one commit left it and again as the parent of the
/// next commit that changes it. One version is kept per path, the last read: all that walk needs, where keeping
/// every version ever parsed held 800 MiB after 2,000 commits of models with hundreds of versions. Version
/// manifests are many and, once registered, read again only when the version moves; past
/// <paramref name="manifestLimit"/> of them the cache forgets them all (a manifest is read again in about 0.15 ms),
/// so a walk over 100,000 registrations does not hold 100,000 parsed manifests.
/// </summary>
/// <param name="manifestLimit">How many parsed version manifests are kept at most.</param>
internal sealed class DocumentCache(int manifestLimit = 4096)
{
    private readonly Dictionary<string, (ObjectId Id, object Parsed)> _parsed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _manifests = new(StringComparer.Ordinal);

    /// <summary>The file parsed and schema-checked, or null when it does not exist; throws <see cref="DocumentException"/> when invalid.</summary>
    public T? Read<T>(RegistrySnapshot snapshot, string path, DocumentKind kind) where T : class
    {
        if (snapshot.BlobId(path) is not { } id)
        {
            return null;
        }
        if (_parsed.TryGetValue(path, out var cached) && cached.Id == id)
        {
            return cached.Parsed as T ?? throw (RegistryException)cached.Parsed;
        }
        try
        {
            var document = DocumentSerializer.Read<T>(kind, snapshot.ReadFile(path)!, path);
            Keep(path, kind, id, document);
            return document;
        }
        catch (RegistryException e)
        {
            Keep(path, kind, id, e);
            throw;
        }
    }

    /// <summary>How many parsed files are kept now.</summary>
    public int Count => _parsed.Count;

    private void Keep(string path, DocumentKind kind, ObjectId id, object parsed)
    {
        if (kind == DocumentKind.ModelVersion && _manifests.Add(path) && _manifests.Count > manifestLimit)
        {
            foreach (var manifest in _manifests)
            {
                _parsed.Remove(manifest);
            }
            _manifests.Clear();
            _manifests.Add(path);
        }
        _parsed[path] = (id, parsed);
    }
}

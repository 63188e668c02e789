using GitRegistry.Documents;
using GitRegistry.Storage;
using LibGit2Sharp;

namespace GitRegistry.Trust;

/// <summary>
/// Parsed registry files: walking history reads each file as one commit left it and again as the parent of the
/// next commit that changes it. One version is kept per path, the last read: all that walk needs, where keeping
/// every version ever parsed held 800 MiB after 2,000 commits of models with hundreds of versions.
/// </summary>
internal sealed class DocumentCache
{
    private readonly Dictionary<string, (ObjectId Id, object Parsed)> _parsed = new(StringComparer.Ordinal);

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
            _parsed[path] = (id, document!);
            return document;
        }
        catch (RegistryException e)
        {
            _parsed[path] = (id, e);
            throw;
        }
    }
}

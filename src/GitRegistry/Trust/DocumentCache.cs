using GitRegistry.Documents;
using GitRegistry.Storage;
using LibGit2Sharp;

namespace GitRegistry.Trust;

/// <summary>Parsed registry files by blob id: walking history reads the same blobs again and again.</summary>
internal sealed class DocumentCache
{
    private readonly Dictionary<ObjectId, object> _parsed = [];

    /// <summary>The file parsed and schema-checked, or null when it does not exist; throws <see cref="DocumentException"/> when invalid.</summary>
    public T? Read<T>(RegistrySnapshot snapshot, string path, DocumentKind kind) where T : class
    {
        if (snapshot.BlobId(path) is not { } id)
        {
            return null;
        }
        if (_parsed.TryGetValue(id, out var cached))
        {
            return cached as T ?? throw (RegistryException)cached;
        }
        try
        {
            var document = DocumentSerializer.Read<T>(kind, snapshot.ReadFile(path)!, path);
            _parsed[id] = document!;
            return document;
        }
        catch (RegistryException e)
        {
            _parsed[id] = e;
            throw;
        }
    }
}

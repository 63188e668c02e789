using System.Collections.Concurrent;
using System.Text;
using GitRegistry.Storage;
using LibGit2Sharp;

namespace GitRegistry.Validation;

/// <summary>
/// What passed validation, by git object id, kept in the git directory between runs of <c>gitreg validate</c>:
/// git ids name content, so content that passed once passes again as long as the schemas and the reader are
/// the same. The file names both (a fingerprint of the schema texts and of this library's build), and any
/// other fingerprint empties it. Two kinds of entries:
/// <list type="bullet">
/// <item>a model folder (its tree id, its name and the registry.yaml blob id it was checked under) with no
/// problems: every file in it and every rule across them passed, since those depend on nothing else;</item>
/// <item>a manifest blob that passed its own checks (schema, and name and version as its path says), so that
/// when one version is added to a model, the others are not parsed again. The cross-file rules still run.</item>
/// </list>
/// </summary>
internal sealed class ValidationCache
{
    private const string Header = "gitreg validation cache 1";
    private readonly string _file;
    private readonly string _fingerprint;
    private readonly HashSet<string> _known;
    private readonly ConcurrentDictionary<string, byte> _added = new();

    private ValidationCache(string file, string fingerprint, HashSet<string> known)
    {
        _file = file;
        _fingerprint = fingerprint;
        _known = known;
    }

    /// <summary>The cache of the repository at <paramref name="gitDirectory"/> (empty when there is none yet, or it is stale or unreadable).</summary>
    public static ValidationCache Load(string gitDirectory)
    {
        var file = Path.Combine(gitDirectory, "gitreg", "validated");
        var fingerprint = CacheFingerprint.Value;
        var known = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            if (reader.ReadLine() == $"{Header} {fingerprint}")
            {
                while (reader.ReadLine() is { } line)
                {
                    known.Add(line);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return new ValidationCache(file, fingerprint, known);
    }

    /// <summary>True when this manifest blob passed before as the manifest of <paramref name="name"/> version <paramref name="version"/>.</summary>
    public bool ContainsManifest(ObjectId blob, string name, int version) => Contains($"v {blob.Sha} {name} {version}");

    /// <summary>Records a manifest blob that passed its own checks.</summary>
    public void AddManifest(ObjectId blob, string name, int version) => Add($"v {blob.Sha} {name} {version}");

    /// <summary>True when this model folder passed before, whole, under this registry.yaml.</summary>
    public bool ContainsModel(ObjectId tree, string name, ObjectId config) => Contains($"m {tree.Sha} {name} {config.Sha}");

    /// <summary>Records a model folder that passed whole.</summary>
    public void AddModel(ObjectId tree, string name, ObjectId config) => Add($"m {tree.Sha} {name} {config.Sha}");

    private bool Contains(string key) => _known.Contains(key);

    private void Add(string key)
    {
        if (!_known.Contains(key))
        {
            _added.TryAdd(key, 0);
        }
    }

    /// <summary>Writes the cache when it learned something (see <see cref="CacheFile"/>).</summary>
    public void Save()
    {
        if (_added.IsEmpty)
        {
            return;
        }
        CacheFile.Replace(_file, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write($"{Header} {_fingerprint}\n");
            foreach (var key in _known.Concat(_added.Keys))
            {
                writer.Write(key);
                writer.Write('\n');
            }
        });
    }
}

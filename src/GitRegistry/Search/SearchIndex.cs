using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Storage;
using LibGit2Sharp;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Search;

/// <summary>
/// The rows a search filters, kept in one file in the git directory (<c>gitreg/search-index</c>) so that a search
/// over 100,000 versions reads one file instead of parsing 100,000 manifests. The file is one segment per model
/// (<see cref="IndexSegment"/>, stored by column). A model's segment is reused, bytes and all, while its folder's
/// git tree id is unchanged; when it changes, model.yaml is read again and only manifests whose blob is new are
/// parsed (manifests never change, so a blob id names one content forever). The file is a cache: a missing or
/// unreadable one is rebuilt, and it is rewritten atomically (a temporary file renamed over it).
/// </summary>
internal sealed class SearchIndex
{
    private const string Magic = "GRSI";
    private const int FormatVersion = 2;
    private List<IndexSegment> _segments = [];

    /// <summary>The models' segments, by model name.</summary>
    public IReadOnlyList<IndexSegment> Segments => _segments;

    /// <summary>Manifests parsed by the last <see cref="Update"/> (0 when every model was unchanged).</summary>
    public int Parsed { get; private set; }

    /// <summary>Manifests that could not be read, left out of the rows.</summary>
    public int Unreadable { get; private set; }

    /// <summary>True when the last update changed the index, so it should be saved.</summary>
    public bool Changed { get; private set; }

    /// <summary>Brings the index up to the snapshot.</summary>
    public void Update(RegistrySnapshot snapshot)
    {
        Parsed = 0;
        Unreadable = 0;
        var cached = _segments.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var segments = new List<IndexSegment>();
        if (snapshot.Commit?[RegistryPaths.Models] is { TargetType: TreeEntryTargetType.Tree } folder)
        {
            foreach (var entry in (Tree)folder.Target)
            {
                if (entry.TargetType != TreeEntryTargetType.Tree || !ModelName.IsValid(entry.Name))
                {
                    continue;
                }
                if (cached.TryGetValue(entry.Name, out var segment) && segment.Tree == entry.Target.Id)
                {
                    segments.Add(segment);
                    continue;
                }
                var (rows, aliases) = Read(snapshot, entry.Name, (Tree)entry.Target, segment);
                var bytes = IndexSegment.Encode(entry.Name, entry.Target.Id, rows, aliases);
                segments.Add(new IndexSegment(bytes, 0, bytes.Length));
                Changed = true;
            }
        }
        Changed |= segments.Count != _segments.Count;
        _segments = segments;
    }

    private (List<SearchRow> Rows, IReadOnlyDictionary<string, int> Aliases) Read(RegistrySnapshot snapshot, string name, Tree folder, IndexSegment? previous)
    {
        ModelState? model;
        try
        {
            var path = RegistryPaths.ModelFile(name);
            model = snapshot.ReadFile(path) is { } text ? DocumentSerializer.Read<ModelState>(DocumentKind.Model, text, path) : null;
        }
        catch (RegistryException)
        {
            model = null;
        }
        var known = new Dictionary<string, SearchRow>(StringComparer.Ordinal);
        for (var i = 0; i < (previous?.Rows ?? 0); i++)
        {
            var old = previous!.Row(i);
            known[Convert.ToHexStringLower(old.ManifestBlob)] = old;
        }
        var rows = new List<SearchRow>();
        var aliases = model?.Aliases ?? new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (folder["versions"] is not { TargetType: TreeEntryTargetType.Tree } versions)
        {
            return (rows, aliases);
        }
        foreach (var entry in (Tree)versions.Target)
        {
            if (entry.TargetType != TreeEntryTargetType.Blob || !RegistryPaths.TryParseVersionFile(entry.Name, out var version))
            {
                continue;
            }
            var row = known.TryGetValue(entry.Target.Sha, out var old) ? old : Parse(name, version, (Blob)entry.Target);
            if (row is null)
            {
                Unreadable++;
                continue;
            }
            var state = model?.Versions.GetValueOrDefault(version);
            row.Stage = state?.Stage ?? StageName.None;
            row.Deleted = state?.Deleted is not null;
            row.StateDescription = state?.Description;
            row.Tags = state?.Tags.ToArray() ?? [];
            row.Aliases = aliases.Where(a => a.Value == version).Select(a => a.Key).ToArray();
            rows.Add(row);
        }
        return (rows, aliases);
    }

    private SearchRow? Parse(string name, int version, Blob blob)
    {
        Parsed++;
        try
        {
            if (blob.Size > YamlReader.MaxBytes)
            {
                return null;
            }
            var path = RegistryPaths.VersionFile(name, version);
            var m = (JObject)DocumentSerializer.Parse(blob.GetContentText(Encoding.UTF8), path);
            var created = (string)m["created_at"]!;
            var artifact = (JObject)m["artifact"]!;
            var data = m["data"] as JObject;
            var preprocessing = m["preprocessing"] as JObject;
            var parameters = new List<KeyValuePair<string, object>>();
            foreach (var p in (m["params"] as JObject)?.Properties() ?? [])
            {
                object? value = p.Value.Type switch
                {
                    JTokenType.Integer => (long)p.Value,
                    JTokenType.Float => (double)p.Value,
                    JTokenType.Boolean => (bool)p.Value,
                    JTokenType.String => (string)p.Value!,
                    _ => null,
                };
                if (value is not null)
                {
                    parameters.Add(new(p.Name, value));
                }
            }
            var metrics = new List<KeyValuePair<string, double>>();
            foreach (var split in (m["metrics"] as JObject)?.Properties() ?? [])
            {
                foreach (var metric in (split.Value as JObject)?.Properties() ?? [])
                {
                    if (metric.Value.Type is JTokenType.Integer or JTokenType.Float)
                    {
                        metrics.Add(new($"{split.Name}.{metric.Name}", (double)metric.Value));
                    }
                }
            }
            return new SearchRow
            {
                Version = version,
                ManifestBlob = blob.Id.RawId,
                CreatedAt = created,
                CreatedTicks = DateTimeOffset.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcTicks,
                CreatedBy = (string?)m["created_by"]?["email"] ?? "",
                ManifestDescription = (string?)m["description"],
                RunId = (string?)m["run"]?["id"],
                ArtifactUri = (string)artifact["uri"]!,
                ArtifactSha = (string)artifact["sha256"]!,
                ArtifactFormat = (string?)artifact["format"] ?? "other",
                ArtifactSize = (long?)artifact["size"] ?? 0,
                DataSha = (string?)data?["sha256"],
                DataCutoff = (string?)data?["cutoff"],
                DataSource = (string?)data?["source"],
                DataRows = (long?)data?["rows"],
                CodeCommit = (string?)m["code_commit"],
                PreprocessingVersion = (string?)preprocessing?["version"],
                PreprocessingCommit = (string?)preprocessing?["code_commit"],
                Params = [.. parameters],
                Metrics = [.. metrics],
            };
        }
        catch (Exception e) when (e is RegistryException or FormatException or InvalidCastException or NullReferenceException or ArgumentException)
        {
            return null;
        }
    }

    // ---- the file ----------------------------------------------------------------------------------------

    /// <summary>Loads the index file, or an empty index when it is missing, of another format or unreadable.</summary>
    public static SearchIndex Load(string path)
    {
        var index = new SearchIndex();
        if (!File.Exists(path))
        {
            return index;
        }
        try
        {
            var data = File.ReadAllBytes(path);
            if (data.Length < 12 || Encoding.ASCII.GetString(data, 0, 4) != Magic || BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(4)) != FormatVersion)
            {
                return index;
            }
            var count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(8));
            var position = 12;
            for (var i = 0; i < count; i++)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(position));
                index._segments.Add(new IndexSegment(data, position + 4, length));
                position += 4 + length;
            }
            return position == data.Length ? index : new SearchIndex();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return new SearchIndex();
        }
    }

    /// <summary>Writes the index file (see <see cref="CacheFile"/>); a failure (a read-only git directory) only costs the next search time.</summary>
    public void Save(string path) => CacheFile.Replace(path, stream =>
    {
        stream.Write(Encoding.ASCII.GetBytes(Magic));
        var number = new byte[4];
        void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(number, value);
            stream.Write(number);
        }
        Int(FormatVersion);
        Int(_segments.Count);
        foreach (var segment in _segments)
        {
            Int(segment.Bytes.Length);
            stream.Write(segment.Bytes);
        }
    });
}

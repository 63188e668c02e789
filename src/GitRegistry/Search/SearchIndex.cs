using System.Globalization;
using System.Text;
using GitRegistry.Documents;
using GitRegistry.Manifests;
using GitRegistry.Storage;
using GitRegistry.Stores;
using LibGit2Sharp;
using Newtonsoft.Json.Linq;

namespace GitRegistry.Search;

/// <summary>
/// The rows a search filters, kept in one file in the git directory (<c>gitreg/search-index</c>) so that a search
/// over 100,000 versions reads one file instead of parsing 100,000 manifests. A model's rows are reused while its
/// folder's git tree id is unchanged; when it changes, model.yaml is read again and only manifests whose blob is new
/// are parsed (manifests never change, so a blob id names one content forever). The file is a cache: a missing or
/// unreadable one is rebuilt, and it is rewritten atomically (a temporary file renamed over it).
/// </summary>
internal sealed class SearchIndex
{
    private const string Magic = "GRSI";
    private const int FormatVersion = 1;
    private readonly List<string> _keys = [];
    private readonly Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
    private Dictionary<string, (ObjectId Tree, List<SearchRow> Rows)> _models = new(StringComparer.Ordinal);

    /// <summary>Manifests parsed by the last <see cref="Update"/> (0 when every model was unchanged).</summary>
    public int Parsed { get; private set; }

    /// <summary>Manifests that could not be read, left out of the rows.</summary>
    public int Unreadable { get; private set; }

    /// <summary>True when the last update changed the index, so it should be saved.</summary>
    public bool Changed { get; private set; }

    /// <summary>The id of a tag, param or metric key, or null when no row has it.</summary>
    public int? FindKey(string key) => _keyIds.TryGetValue(key, out var id) ? id : null;

    /// <summary>The key with this id.</summary>
    public string KeyName(int id) => _keys[id];

    private int Key(string key)
    {
        if (!_keyIds.TryGetValue(key, out var id))
        {
            id = _keys.Count;
            _keys.Add(key);
            _keyIds[key] = id;
        }
        return id;
    }

    /// <summary>Brings the index up to the snapshot and returns every row (deleted versions included).</summary>
    public List<SearchRow> Update(RegistrySnapshot snapshot)
    {
        Parsed = 0;
        Unreadable = 0;
        var models = new Dictionary<string, (ObjectId Tree, List<SearchRow> Rows)>(StringComparer.Ordinal);
        if (snapshot.Commit?[RegistryPaths.Models] is { TargetType: TreeEntryTargetType.Tree } folder)
        {
            foreach (var entry in (Tree)folder.Target)
            {
                if (entry.TargetType != TreeEntryTargetType.Tree || !ModelName.IsValid(entry.Name))
                {
                    continue;
                }
                if (_models.TryGetValue(entry.Name, out var cached) && cached.Tree == entry.Target.Id)
                {
                    models[entry.Name] = cached;
                    continue;
                }
                models[entry.Name] = (entry.Target.Id, Read(snapshot, entry.Name, (Tree)entry.Target, cached.Rows));
                Changed = true;
            }
        }
        Changed |= models.Count != _models.Count;
        _models = models;
        return models.Values.SelectMany(m => m.Rows).ToList();
    }

    private List<SearchRow> Read(RegistrySnapshot snapshot, string name, Tree folder, List<SearchRow>? previous)
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
        var known = previous?.ToDictionary(r => Convert.ToHexString(r.ManifestBlob), r => r) ?? [];
        var rows = new List<SearchRow>();
        if (folder["versions"] is not { TargetType: TreeEntryTargetType.Tree } versions)
        {
            return rows;
        }
        foreach (var entry in (Tree)versions.Target)
        {
            if (entry.TargetType != TreeEntryTargetType.Blob || !RegistryPaths.TryParseVersionFile(entry.Name, out var version))
            {
                continue;
            }
            var row = known.TryGetValue(entry.Target.Sha.ToUpperInvariant(), out var old) ? old : Parse(name, version, (Blob)entry.Target);
            if (row is null)
            {
                Unreadable++;
                continue;
            }
            var state = model?.Versions.GetValueOrDefault(version);
            row.Stage = state?.Stage ?? StageName.None;
            row.Deleted = state?.Deleted is not null;
            row.StateDescription = state?.Description;
            row.Tags = state?.Tags.Select(t => new KeyValuePair<int, string>(Key(t.Key), t.Value)).ToArray() ?? [];
            row.Aliases = model?.Aliases.Where(a => a.Value == version).Select(a => a.Key).ToArray() ?? [];
            rows.Add(row);
        }
        return rows;
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
            var parameters = new List<KeyValuePair<int, object>>();
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
                    parameters.Add(new(Key(p.Name), value));
                }
            }
            var metrics = new List<KeyValuePair<int, double>>();
            foreach (var split in (m["metrics"] as JObject)?.Properties() ?? [])
            {
                foreach (var metric in (split.Value as JObject)?.Properties() ?? [])
                {
                    if (metric.Value.Type is JTokenType.Integer or JTokenType.Float)
                    {
                        metrics.Add(new(Key($"{split.Name}.{metric.Name}"), (double)metric.Value));
                    }
                }
            }
            return new SearchRow
            {
                Name = name,
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
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (Encoding.ASCII.GetString(reader.ReadBytes(4)) != Magic || reader.ReadInt32() != FormatVersion)
            {
                return new SearchIndex();
            }
            var keys = reader.ReadInt32();
            for (var i = 0; i < keys; i++)
            {
                index.Key(reader.ReadString());
            }
            var models = reader.ReadInt32();
            for (var i = 0; i < models; i++)
            {
                var name = reader.ReadString();
                var tree = new ObjectId(reader.ReadBytes(20));
                var count = reader.ReadInt32();
                var rows = new List<SearchRow>(count);
                for (var j = 0; j < count; j++)
                {
                    rows.Add(ReadRow(reader, name));
                }
                index._models[name] = (tree, rows);
            }
            return index;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or UnauthorizedAccessException)
        {
            return new SearchIndex();
        }
    }

    /// <summary>Writes the index file atomically; a failure (read-only git directory) only costs the next search time.</summary>
    public void Save(string path)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Encoding.ASCII.GetBytes(Magic));
                writer.Write(FormatVersion);
                writer.Write(_keys.Count);
                foreach (var key in _keys)
                {
                    writer.Write(key);
                }
                writer.Write(_models.Count);
                foreach (var (name, (tree, rows)) in _models)
                {
                    writer.Write(name);
                    writer.Write(tree.RawId);
                    writer.Write(rows.Count);
                    foreach (var row in rows)
                    {
                        WriteRow(writer, row);
                    }
                }
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
        }
    }

    private static void WriteRow(BinaryWriter w, SearchRow r)
    {
        w.Write(r.Version);
        w.Write(r.ManifestBlob);
        w.Write(r.CreatedAt);
        w.Write(r.CreatedTicks);
        w.Write(r.CreatedBy);
        Optional(w, r.ManifestDescription);
        Optional(w, r.RunId);
        // The local store's URI is its hash; keep the hash once.
        Optional(w, r.ArtifactUri == LocalArtifactStore.UriPrefix + r.ArtifactSha ? null : r.ArtifactUri);
        w.Write(r.ArtifactSha);
        w.Write(r.ArtifactFormat);
        w.Write(r.ArtifactSize);
        Optional(w, r.DataSha);
        Optional(w, r.DataCutoff);
        Optional(w, r.DataSource);
        w.Write(r.DataRows.HasValue);
        w.Write(r.DataRows ?? 0);
        Optional(w, r.CodeCommit);
        Optional(w, r.PreprocessingVersion);
        Optional(w, r.PreprocessingCommit);
        w.Write(r.Params.Length);
        foreach (var (key, value) in r.Params)
        {
            w.Write(key);
            switch (value)
            {
                case long l:
                    w.Write((byte)1);
                    w.Write(l);
                    break;
                case double d:
                    w.Write((byte)2);
                    w.Write(d);
                    break;
                case bool b:
                    w.Write((byte)3);
                    w.Write(b);
                    break;
                default:
                    w.Write((byte)0);
                    w.Write((string)value);
                    break;
            }
        }
        w.Write(r.Metrics.Length);
        foreach (var (key, value) in r.Metrics)
        {
            w.Write(key);
            w.Write(value);
        }
        w.Write(r.Stage);
        w.Write(r.Aliases.Length);
        foreach (var alias in r.Aliases)
        {
            w.Write(alias);
        }
        w.Write(r.Tags.Length);
        foreach (var (key, value) in r.Tags)
        {
            w.Write(key);
            w.Write(value);
        }
        Optional(w, r.StateDescription);
        w.Write(r.Deleted);
    }

    private static SearchRow ReadRow(BinaryReader r, string name)
    {
        var version = r.ReadInt32();
        var blob = r.ReadBytes(20);
        var createdAt = r.ReadString();
        var ticks = r.ReadInt64();
        var createdBy = r.ReadString();
        var description = Optional(r);
        var runId = Optional(r);
        var uri = Optional(r);
        var sha = r.ReadString();
        var format = r.ReadString();
        var size = r.ReadInt64();
        var dataSha = Optional(r);
        var cutoff = Optional(r);
        var source = Optional(r);
        var hasRows = r.ReadBoolean();
        var dataRows = r.ReadInt64();
        var codeCommit = Optional(r);
        var prepVersion = Optional(r);
        var prepCommit = Optional(r);
        var parameters = new KeyValuePair<int, object>[r.ReadInt32()];
        for (var i = 0; i < parameters.Length; i++)
        {
            var key = r.ReadInt32();
            parameters[i] = new(key, r.ReadByte() switch
            {
                1 => r.ReadInt64(),
                2 => r.ReadDouble(),
                3 => r.ReadBoolean(),
                _ => r.ReadString(),
            });
        }
        var metrics = new KeyValuePair<int, double>[r.ReadInt32()];
        for (var i = 0; i < metrics.Length; i++)
        {
            metrics[i] = new(r.ReadInt32(), r.ReadDouble());
        }
        var row = new SearchRow
        {
            Name = name, Version = version, ManifestBlob = blob, CreatedAt = createdAt, CreatedTicks = ticks, CreatedBy = createdBy,
            ManifestDescription = description, RunId = runId, ArtifactUri = uri ?? LocalArtifactStore.UriPrefix + sha, ArtifactSha = sha,
            ArtifactFormat = format, ArtifactSize = size, DataSha = dataSha, DataCutoff = cutoff, DataSource = source,
            DataRows = hasRows ? dataRows : null, CodeCommit = codeCommit, PreprocessingVersion = prepVersion, PreprocessingCommit = prepCommit,
            Params = parameters, Metrics = metrics,
        };
        row.Stage = r.ReadString();
        var aliases = new string[r.ReadInt32()];
        for (var i = 0; i < aliases.Length; i++)
        {
            aliases[i] = r.ReadString();
        }
        row.Aliases = aliases;
        var tags = new KeyValuePair<int, string>[r.ReadInt32()];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = new(r.ReadInt32(), r.ReadString());
        }
        row.Tags = tags;
        row.StateDescription = Optional(r);
        row.Deleted = r.ReadBoolean();
        return row;
    }

    private static void Optional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? Optional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}

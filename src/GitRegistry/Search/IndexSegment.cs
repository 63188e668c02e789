using System.Buffers.Binary;
using System.Text;
using GitRegistry.Stores;
using LibGit2Sharp;

namespace GitRegistry.Search;

/// <summary>
/// The search index's rows of one model, stored by column in one byte range of the index file: the numbers every
/// search needs (version, deleted, creation time, stage) are read when the segment is opened; text columns and
/// the metric, param and tag columns are decoded only when a filter, an order or a hit needs them, and a metric
/// column is found by its key without decoding the others. Unchanged models keep their bytes from one index file
/// to the next.
/// </summary>
internal sealed class IndexSegment
{
    /// <summary>The text columns, in file order.</summary>
    public enum TextColumn
    {
        CreatedAt, CreatedBy, ManifestDescription, RunId, ArtifactUri, ArtifactSha, ArtifactFormat, DataSha, DataCutoff,
        DataSource, CodeCommit, PreprocessingVersion, PreprocessingCommit, StateDescription,
    }

    private const int TextColumns = 14;
    private readonly byte[] _data;
    private readonly int _start;
    private readonly int _length;
    private readonly int _blobs;
    private readonly int[] _textOffsets = new int[TextColumns];
    private readonly int _numbers;
    private readonly int _metrics;
    private readonly int _params;
    private readonly int _tags;
    private readonly string?[]?[] _text = new string?[TextColumns][];
    private List<SearchRow>? _rows;

    /// <summary>Opens the segment at <paramref name="start"/> of <paramref name="data"/>.</summary>
    public IndexSegment(byte[] data, int start, int length)
    {
        _data = data;
        _start = start;
        _length = length;
        var r = new Reader(data, start);
        Name = r.String();
        Tree = new ObjectId(r.Bytes(20));
        Rows = r.Int();
        Versions = new int[Rows];
        Deleted = new bool[Rows];
        Ticks = new long[Rows];
        for (var i = 0; i < Rows; i++)
        {
            Versions[i] = r.Int();
        }
        for (var i = 0; i < Rows; i++)
        {
            Deleted[i] = r.Byte() != 0;
        }
        for (var i = 0; i < Rows; i++)
        {
            Ticks[i] = r.Long();
        }
        _blobs = r.Position;
        r.Position += 20 * Rows;
        var stageNames = new string[r.Int()];
        for (var i = 0; i < stageNames.Length; i++)
        {
            stageNames[i] = r.String();
        }
        Stages = new string[Rows];
        for (var i = 0; i < Rows; i++)
        {
            Stages[i] = stageNames[r.Int()];
        }
        Aliases = new (string, int)[r.Int()];
        for (var i = 0; i < Aliases.Length; i++)
        {
            Aliases[i] = (r.String(), r.Int());
        }
        for (var c = 0; c < TextColumns; c++)
        {
            var size = r.Int();
            _textOffsets[c] = r.Position;
            r.Position += size;
        }
        _numbers = r.Position;
        r.Position += Rows * (1 + 8 + 8);
        _metrics = Skip(ref r);
        _params = Skip(ref r);
        _tags = Skip(ref r);
        if (r.Position != start + length)
        {
            throw new FormatException($"the index segment of {Name} is {length} bytes but holds {r.Position - start}");
        }
    }

    private static int Skip(ref Reader r)
    {
        var size = r.Int();
        var at = r.Position;
        r.Position += size;
        return at;
    }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>The git tree id of the model's folder the rows were read from.</summary>
    public ObjectId Tree { get; }

    /// <summary>The number of versions.</summary>
    public int Rows { get; }

    /// <summary>Each row's version number.</summary>
    public int[] Versions { get; }

    /// <summary>Each row's deletion mark.</summary>
    public bool[] Deleted { get; }

    /// <summary>Each row's creation time, UTC ticks.</summary>
    public long[] Ticks { get; }

    /// <summary>Each row's stage.</summary>
    public string[] Stages { get; }

    /// <summary>The model's aliases and their versions.</summary>
    public (string Alias, int Version)[] Aliases { get; }

    /// <summary>The segment's bytes, to copy into the next index file when the model is unchanged.</summary>
    public ReadOnlySpan<byte> Bytes => _data.AsSpan(_start, _length);

    /// <summary>A text column, decoded once.</summary>
    public string?[] Text(TextColumn column)
    {
        var index = (int)column;
        if (_text[index] is { } cached)
        {
            return cached;
        }
        var r = new Reader(_data, _textOffsets[index]);
        var values = new string?[Rows];
        for (var i = 0; i < Rows; i++)
        {
            values[i] = r.Byte() != 0 ? r.String() : null;
        }
        return _text[index] = values;
    }

    /// <summary>Rows of data lineage; null where a version records none.</summary>
    public long? DataRows(int row)
    {
        var at = _numbers + row * 17;
        return _data[at] != 0 ? BinaryPrimitives.ReadInt64LittleEndian(_data.AsSpan(at + 1)) : null;
    }

    /// <summary>The artifact's size.</summary>
    public long ArtifactSize(int row) => BinaryPrimitives.ReadInt64LittleEndian(_data.AsSpan(_numbers + row * 17 + 9));

    /// <summary>A metric column: each row's value, or NaN where the version lacks the metric; null when no version has it.</summary>
    public double[]? Metric(byte[] key)
    {
        var r = new Reader(_data, _metrics);
        var columns = r.Int();
        for (var c = 0; c < columns; c++)
        {
            var match = r.StringEquals(key);
            var count = r.Int();
            if (!match)
            {
                r.Position += count * 12;
                continue;
            }
            var values = new double[Rows];
            Array.Fill(values, double.NaN);
            for (var i = 0; i < count; i++)
            {
                var row = r.Int();
                values[row] = r.Double();
            }
            return values;
        }
        return null;
    }

    /// <summary>A param column: each row's value (long, double, bool or string) or null; null when no version has it.</summary>
    public object?[]? Param(byte[] key) => SizedColumn(_params, key, (ref Reader r) => r.Value());

    /// <summary>A tag column: each row's value or null; null when no version has the tag.</summary>
    public string?[]? Tag(byte[] key) => SizedColumn(_tags, key, (ref Reader r) => r.String());

    private delegate T ReadValue<T>(ref Reader reader);

    // One row's values in the columns that vary in length (params, tags): (key, value) for each column that has the row.
    private List<KeyValuePair<string, T>> SizedRowValues<T>(int start, int row, ReadValue<T> read)
    {
        var values = new List<KeyValuePair<string, T>>();
        var reader = new Reader(_data, start);
        for (int c = 0, columns = reader.Int(); c < columns; c++)
        {
            var key = reader.String();
            var end = reader.Position + 4 + BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(reader.Position));
            reader.Position += 4;
            for (int i = 0, count = reader.Int(); i < count; i++)
            {
                var at = reader.Int();
                var value = read(ref reader);
                if (at == row)
                {
                    values.Add(new(key, value));
                    break;
                }
            }
            reader.Position = end;
        }
        return values;
    }

    // Columns whose values vary in length: each is its key, its byte size (to skip it), then (row, value) pairs.
    private T?[]? SizedColumn<T>(int start, byte[] key, ReadValue<T> read)
    {
        var r = new Reader(_data, start);
        var columns = r.Int();
        for (var c = 0; c < columns; c++)
        {
            var match = r.StringEquals(key);
            var size = r.Int();
            if (!match)
            {
                r.Position += size;
                continue;
            }
            var count = r.Int();
            var values = new T?[Rows];
            for (var i = 0; i < count; i++)
            {
                var row = r.Int();
                values[row] = read(ref r);
            }
            return values;
        }
        return null;
    }

    /// <summary>The aliases pointing at a row's version.</summary>
    public string[] AliasesOf(int row) => Aliases.Where(a => a.Version == Versions[row]).Select(a => a.Alias).ToArray();

    /// <summary>A whole row, decoded from its segment's rows once (to reuse parsed manifests when the model changes).</summary>
    public SearchRow Row(int row) => (_rows ??= Decode())[row];

    /// <summary>One row, decoded alone (for the hits of a search, which come from many segments).</summary>
    public SearchRow RowAlone(int row)
    {
        if (_rows is not null)
        {
            return _rows[row];
        }
        string? T(TextColumn column)
        {
            if (_text[(int)column] is { } cached)
            {
                return cached[row];
            }
            var r = new Reader(_data, _textOffsets[(int)column]);
            for (var i = 0; i < row; i++)
            {
                if (r.Byte() != 0)
                {
                    var length = r.Int();
                    r.Position += length;
                }
            }
            return r.Byte() != 0 ? r.String() : null;
        }
        var metrics = new List<KeyValuePair<string, double>>();
        var reader = new Reader(_data, _metrics);
        for (int c = 0, columns = reader.Int(); c < columns; c++)
        {
            var key = reader.String();
            var count = reader.Int();
            var end = reader.Position + count * 12;
            for (var i = 0; i < count; i++)
            {
                var at = reader.Int();
                var value = reader.Double();
                if (at == row)
                {
                    metrics.Add(new(key, value));
                    break;
                }
            }
            reader.Position = end;
        }
        var parameters = SizedRowValues(_params, row, (ref Reader r) => r.Value());
        var tags = SizedRowValues(_tags, row, (ref Reader r) => r.String());
        var sha = T(TextColumn.ArtifactSha)!;
        return new SearchRow
        {
            Version = Versions[row],
            ManifestBlob = _data.AsSpan(_blobs + 20 * row, 20).ToArray(),
            CreatedAt = T(TextColumn.CreatedAt)!,
            CreatedTicks = Ticks[row],
            CreatedBy = T(TextColumn.CreatedBy)!,
            ManifestDescription = T(TextColumn.ManifestDescription),
            RunId = T(TextColumn.RunId),
            ArtifactUri = T(TextColumn.ArtifactUri) ?? LocalArtifactStore.UriPrefix + sha,
            ArtifactSha = sha,
            ArtifactFormat = T(TextColumn.ArtifactFormat)!,
            ArtifactSize = ArtifactSize(row),
            DataSha = T(TextColumn.DataSha),
            DataCutoff = T(TextColumn.DataCutoff),
            DataSource = T(TextColumn.DataSource),
            DataRows = DataRows(row),
            CodeCommit = T(TextColumn.CodeCommit),
            PreprocessingVersion = T(TextColumn.PreprocessingVersion),
            PreprocessingCommit = T(TextColumn.PreprocessingCommit),
            Params = [.. parameters],
            Metrics = [.. metrics],
            Stage = Stages[row],
            Aliases = AliasesOf(row),
            Tags = [.. tags],
            StateDescription = T(TextColumn.StateDescription),
            Deleted = Deleted[row],
        };
    }

    private List<SearchRow> Decode()
    {
        var text = Enumerable.Range(0, TextColumns).Select(c => Text((TextColumn)c)).ToArray();
        var metrics = Enumerable.Range(0, Rows).Select(_ => new List<KeyValuePair<string, double>>()).ToArray();
        var r = new Reader(_data, _metrics);
        for (int c = 0, columns = r.Int(); c < columns; c++)
        {
            var key = r.String();
            for (int i = 0, count = r.Int(); i < count; i++)
            {
                metrics[r.Int()].Add(new(key, r.Double()));
            }
        }
        var parameters = Enumerable.Range(0, Rows).Select(_ => new List<KeyValuePair<string, object>>()).ToArray();
        r = new Reader(_data, _params);
        for (int c = 0, columns = r.Int(); c < columns; c++)
        {
            var key = r.String();
            r.Int();
            for (int i = 0, count = r.Int(); i < count; i++)
            {
                parameters[r.Int()].Add(new(key, r.Value()));
            }
        }
        var tags = Enumerable.Range(0, Rows).Select(_ => new List<KeyValuePair<string, string>>()).ToArray();
        r = new Reader(_data, _tags);
        for (int c = 0, columns = r.Int(); c < columns; c++)
        {
            var key = r.String();
            r.Int();
            for (int i = 0, count = r.Int(); i < count; i++)
            {
                tags[r.Int()].Add(new(key, r.String()));
            }
        }
        var rows = new List<SearchRow>(Rows);
        for (var i = 0; i < Rows; i++)
        {
            string? T(TextColumn column) => text[(int)column][i];
            var sha = T(TextColumn.ArtifactSha)!;
            rows.Add(new SearchRow
            {
                Version = Versions[i],
                ManifestBlob = _data.AsSpan(_blobs + 20 * i, 20).ToArray(),
                CreatedAt = T(TextColumn.CreatedAt)!,
                CreatedTicks = Ticks[i],
                CreatedBy = T(TextColumn.CreatedBy)!,
                ManifestDescription = T(TextColumn.ManifestDescription),
                RunId = T(TextColumn.RunId),
                ArtifactUri = T(TextColumn.ArtifactUri) ?? LocalArtifactStore.UriPrefix + sha,
                ArtifactSha = sha,
                ArtifactFormat = T(TextColumn.ArtifactFormat)!,
                ArtifactSize = ArtifactSize(i),
                DataSha = T(TextColumn.DataSha),
                DataCutoff = T(TextColumn.DataCutoff),
                DataSource = T(TextColumn.DataSource),
                DataRows = DataRows(i),
                CodeCommit = T(TextColumn.CodeCommit),
                PreprocessingVersion = T(TextColumn.PreprocessingVersion),
                PreprocessingCommit = T(TextColumn.PreprocessingCommit),
                Params = [.. parameters[i]],
                Metrics = [.. metrics[i]],
                Stage = Stages[i],
                Aliases = AliasesOf(i),
                Tags = [.. tags[i]],
                StateDescription = T(TextColumn.StateDescription),
                Deleted = Deleted[i],
            });
        }
        return rows;
    }

    /// <summary>The bytes of a segment holding <paramref name="rows"/> of the model <paramref name="name"/>.</summary>
    public static byte[] Encode(string name, ObjectId tree, IReadOnlyList<SearchRow> rows, IReadOnlyDictionary<string, int> aliases)
    {
        var w = new Writer();
        w.String(name);
        w.Bytes(tree.RawId);
        w.Int(rows.Count);
        foreach (var row in rows)
        {
            w.Int(row.Version);
        }
        foreach (var row in rows)
        {
            w.Byte(row.Deleted ? (byte)1 : (byte)0);
        }
        foreach (var row in rows)
        {
            w.Long(row.CreatedTicks);
        }
        foreach (var row in rows)
        {
            w.Bytes(row.ManifestBlob);
        }
        var stages = rows.Select(r => r.Stage).Distinct(StringComparer.Ordinal).ToList();
        w.Int(stages.Count);
        stages.ForEach(w.String);
        foreach (var row in rows)
        {
            w.Int(stages.IndexOf(row.Stage));
        }
        w.Int(aliases.Count);
        foreach (var (alias, version) in aliases)
        {
            w.String(alias);
            w.Int(version);
        }
        Func<SearchRow, string?>[] text =
        [
            r => r.CreatedAt, r => r.CreatedBy, r => r.ManifestDescription, r => r.RunId,
            // The local store's URI is its hash: keep the hash once.
            r => r.ArtifactUri == LocalArtifactStore.UriPrefix + r.ArtifactSha ? null : r.ArtifactUri,
            r => r.ArtifactSha, r => r.ArtifactFormat, r => r.DataSha, r => r.DataCutoff, r => r.DataSource, r => r.CodeCommit,
            r => r.PreprocessingVersion, r => r.PreprocessingCommit, r => r.StateDescription,
        ];
        foreach (var column in text)
        {
            w.Sized(c =>
            {
                foreach (var row in rows)
                {
                    var value = column(row);
                    c.Byte(value is null ? (byte)0 : (byte)1);
                    if (value is not null)
                    {
                        c.String(value);
                    }
                }
            });
        }
        foreach (var row in rows)
        {
            w.Byte(row.DataRows.HasValue ? (byte)1 : (byte)0);
            w.Long(row.DataRows ?? 0);
            w.Long(row.ArtifactSize);
        }
        w.Sized(c =>
        {
            var columns = Columns(rows, r => r.Metrics);
            c.Int(columns.Count);
            foreach (var (key, entries) in columns)
            {
                c.String(key);
                c.Int(entries.Count);
                foreach (var (row, value) in entries)
                {
                    c.Int(row);
                    c.Double(value);
                }
            }
        });
        w.Sized(c =>
        {
            var columns = Columns(rows, r => r.Params);
            c.Int(columns.Count);
            foreach (var (key, entries) in columns)
            {
                c.String(key);
                c.Sized(e =>
                {
                    e.Int(entries.Count);
                    foreach (var (row, value) in entries)
                    {
                        e.Int(row);
                        e.Value(value);
                    }
                });
            }
        });
        w.Sized(c =>
        {
            var columns = Columns(rows, r => r.Tags);
            c.Int(columns.Count);
            foreach (var (key, entries) in columns)
            {
                c.String(key);
                c.Sized(e =>
                {
                    e.Int(entries.Count);
                    foreach (var (row, value) in entries)
                    {
                        e.Int(row);
                        e.String(value);
                    }
                });
            }
        });
        return w.ToArray();
    }

    private static List<(string Key, List<(int Row, T Value)> Entries)> Columns<T>(IReadOnlyList<SearchRow> rows, Func<SearchRow, KeyValuePair<string, T>[]> pairs)
    {
        var columns = new Dictionary<string, List<(int, T)>>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var (key, value) in pairs(rows[i]))
            {
                if (!columns.TryGetValue(key, out var entries))
                {
                    columns[key] = entries = [];
                }
                entries.Add((i, value));
            }
        }
        return columns.Select(c => (c.Key, c.Value)).ToList();
    }

    /// <summary>Reads the little-endian values <see cref="Writer"/> writes.</summary>
    private struct Reader(byte[] data, int position)
    {
        public int Position = position;

        public byte Byte() => data[Position++];

        public int Int()
        {
            var value = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(Position));
            Position += 4;
            return value;
        }

        public long Long()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(Position));
            Position += 8;
            return value;
        }

        public double Double()
        {
            var value = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(Position));
            Position += 8;
            return value;
        }

        public byte[] Bytes(int count)
        {
            var value = data.AsSpan(Position, count).ToArray();
            Position += count;
            return value;
        }

        public string String()
        {
            var length = Int();
            var value = Encoding.UTF8.GetString(data, Position, length);
            Position += length;
            return value;
        }

        /// <summary>Reads past a string, telling whether its UTF-8 bytes are <paramref name="key"/>.</summary>
        public bool StringEquals(byte[] key)
        {
            var length = Int();
            var equal = data.AsSpan(Position, length).SequenceEqual(key);
            Position += length;
            return equal;
        }

        public object Value() => Byte() switch
        {
            1 => Long(),
            2 => Double(),
            3 => Byte() != 0,
            _ => String(),
        };
    }

    /// <summary>Writes little-endian values; <see cref="Sized"/> prefixes a part with its length so readers can skip it.</summary>
    private sealed class Writer
    {
        private readonly MemoryStream _stream = new();
        private readonly byte[] _buffer = new byte[8];

        public void Byte(byte value) => _stream.WriteByte(value);

        public void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_buffer, value);
            _stream.Write(_buffer, 0, 4);
        }

        public void Long(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer, value);
            _stream.Write(_buffer, 0, 8);
        }

        public void Double(double value)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(_buffer, value);
            _stream.Write(_buffer, 0, 8);
        }

        public void Bytes(byte[] value) => _stream.Write(value);

        public void String(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Int(bytes.Length);
            _stream.Write(bytes);
        }

        public void Value(object value)
        {
            switch (value)
            {
                case long l:
                    Byte(1);
                    Long(l);
                    break;
                case double d:
                    Byte(2);
                    Double(d);
                    break;
                case bool b:
                    Byte(3);
                    Byte(b ? (byte)1 : (byte)0);
                    break;
                default:
                    Byte(0);
                    String((string)value);
                    break;
            }
        }

        public void Sized(Action<Writer> write)
        {
            var part = new Writer();
            write(part);
            var bytes = part.ToArray();
            Int(bytes.Length);
            _stream.Write(bytes);
        }

        public byte[] ToArray() => _stream.ToArray();
    }
}

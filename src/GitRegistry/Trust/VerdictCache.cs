using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GitRegistry.Signing;
using GitRegistry.Storage;

namespace GitRegistry.Trust;

/// <summary>
/// The verification of each commit, kept in the git directory between runs of <c>gitreg verify</c>, <c>log</c> and
/// <c>site</c>. A commit id names the commit's content and, through its parents, all of its history, and the
/// verdict on it depends on nothing else: the signers and policy are those of its parent, the approvals those at
/// the commit where it lands (part of the key). So a commit verified once need not be verified again as long as
/// this library's build is the same; the file names the build, and any other build empties it. One exception:
/// OpenPGP signatures are checked against the verifying user's keyring, so a verdict gpg gave other than good is
/// never kept. The cache is only as trustworthy as the git directory it lives in; <c>--no-cache</c> checks all.
/// </summary>
internal sealed class VerdictCache
{
    private readonly string _file;
    private readonly byte[] _known;
    private readonly ReadOnlyMemory<byte> _body;
    private readonly Dictionary<string, (int Start, int Length)> _index;
    private readonly List<string> _added = [];

    /// <param name="file">The cache's file.</param>
    /// <param name="known">The file's bytes, as read.</param>
    /// <param name="body">Its whole entries.</param>
    /// <param name="index">Where each entry's report stands in <paramref name="known"/>, by key.</param>
    private VerdictCache(string file, byte[] known, ReadOnlyMemory<byte> body, Dictionary<string, (int, int)> index)
    {
        _file = file;
        _known = known;
        _body = body;
        _index = index;
    }

    // The first line: the format, and what wrote the entries (another build's are ignored).
    private static string HeaderLine => $"gitreg verification cache 1 {CacheFingerprint.Value}\n";

    /// <summary>The cache of the repository at <paramref name="gitDirectory"/> (empty when there is none yet, or it is stale or unreadable).</summary>
    public static VerdictCache Load(string gitDirectory)
    {
        var file = Path.Combine(gitDirectory, "gitreg", "verified");
        var index = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new VerdictCache(file, [], ReadOnlyMemory<byte>.Empty, index);
        }
        var expected = Encoding.ASCII.GetBytes(HeaderLine);
        if (!bytes.AsSpan().StartsWith(expected))
        {
            return new VerdictCache(file, [], ReadOnlyMemory<byte>.Empty, index);
        }
        // Each line: the commit, where its approvals were judged ("-" for nowhere), the report as JSON.
        var start = expected.Length;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                break;   // a line cut short is no entry
            }
            var line = bytes.AsSpan(start, end - start);
            var json = line.IndexOf((byte)'{');
            if (json > 0)
            {
                index[Encoding.ASCII.GetString(line[..(json - 1)])] = (start + json, end - start - json);
            }
            start = end + 1;
        }
        return new VerdictCache(file, bytes, bytes.AsMemory(expected.Length..start), index);
    }

    /// <summary>The report kept for <paramref name="commit"/> with approvals judged at <paramref name="approvalsAt"/>, if any.</summary>
    public CommitReport? Find(string commit, string? approvalsAt)
    {
        if (!_index.TryGetValue(Key(commit, approvalsAt), out var at) || at.Length == 0)
        {
            return null;   // none, or one added in this run
        }
        try
        {
            return JsonSerializer.Deserialize(_known.AsSpan(at.Start, at.Length), VerdictJson.Default.CommitReport);
        }
        catch (JsonException)
        {
            return null;   // a damaged entry is verified again
        }
    }

    /// <summary>Keeps <paramref name="report"/> unless its verdict depends on more than the commit (see the class summary).</summary>
    public void Add(string? approvalsAt, CommitReport report)
    {
        if (report.Signature is { Format: SigningFormat.OpenPgp, IsGood: false })
        {
            return;
        }
        var key = Key(report.CommitId, approvalsAt);
        if (_index.ContainsKey(key))
        {
            return;
        }
        _index[key] = (0, 0);
        _added.Add($"{key} {JsonSerializer.Serialize(report, VerdictJson.Default.CommitReport)}\n");
    }

    /// <summary>Writes the cache when it learned something (see <see cref="CacheFile"/>).</summary>
    public void Save()
    {
        if (_added.Count == 0)
        {
            return;
        }
        CacheFile.Replace(_file, stream =>
        {
            stream.Write(Encoding.ASCII.GetBytes(HeaderLine));
            stream.Write(_body.Span);   // the entries read, without a last line cut short
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            foreach (var line in _added)
            {
                writer.Write(line);
            }
        });
    }

    private static string Key(string commit, string? approvalsAt) => $"{commit} {approvalsAt ?? "-"}";
}

[JsonSerializable(typeof(CommitReport))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class VerdictJson : JsonSerializerContext;

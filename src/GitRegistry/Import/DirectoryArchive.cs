using System.Globalization;
using System.Text;

namespace GitRegistry.Import;

/// <summary>
/// Packs a folder (an MLflow model: MLmodel, the model file, requirements.txt...) into one tar file whose bytes
/// depend only on the files' paths, contents and executable bits: entries sorted by path, one fixed time, owner 0,
/// modes 0644/0755. The same folder always gives the same sha256, so a second import finds the artifact it stored
/// the first time, and any tar reads it. Paths too long for ustar, and files of 8 GiB or more, get a pax record.
/// </summary>
internal static class DirectoryArchive
{
    private const int Block = 512;

    /// <summary>Writes the archive of <paramref name="folder"/> to <paramref name="destination"/>; returns the paths left out (symbolic links).</summary>
    public static IReadOnlyList<string> Write(string folder, string destination, DateTimeOffset time)
    {
        var root = new DirectoryInfo(folder);
        var entries = new List<(string Path, FileSystemInfo Info)>();
        var skipped = new List<string>();
        Collect(root, "", entries, skipped);
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var seconds = Math.Max(0, time.ToUnixTimeSeconds());
        using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        foreach (var (path, info) in entries)
        {
            if (info is DirectoryInfo)
            {
                WriteHeader(output, path + "/", 0, seconds, '5', 0b111_101_101);
                continue;
            }
            var file = (FileInfo)info;
            var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file.FullName) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
            WriteHeader(output, path, file.Length, seconds, '0', executable ? 0b111_101_101 : 0b110_100_100);
            using (var input = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20))
            {
                input.CopyTo(output);
            }
            Pad(output, file.Length);
        }
        output.Write(new byte[Block * 2]);
        return skipped;
    }

    private static void Collect(DirectoryInfo folder, string prefix, List<(string, FileSystemInfo)> entries, List<string> skipped)
    {
        foreach (var info in folder.EnumerateFileSystemInfos())
        {
            var path = prefix + info.Name;
            if (info.LinkTarget is not null)
            {
                // A link could point anywhere on the importing machine; its target is not part of the model.
                skipped.Add(path);
                continue;
            }
            entries.Add((path, info));
            if (info is DirectoryInfo sub)
            {
                Collect(sub, path + "/", entries, skipped);
            }
        }
    }

    private static void WriteHeader(Stream output, string path, long size, long seconds, char type, int mode)
    {
        var name = Encoding.UTF8.GetBytes(path);
        var (prefix, shortName) = Split(name);
        var needsPax = shortName is null || size >= 1L << 33;
        if (needsPax)
        {
            var records = new StringBuilder();
            if (shortName is null)
            {
                records.Append(PaxRecord("path", path));
            }
            if (size >= 1L << 33)
            {
                records.Append(PaxRecord("size", size.ToString(CultureInfo.InvariantCulture)));
            }
            var data = Encoding.UTF8.GetBytes(records.ToString());
            output.Write(Header(Encoding.ASCII.GetBytes("PaxHeaders/entry"), [], data.Length, seconds, 'x', 0b110_100_100));
            output.Write(data);
            Pad(output, data.Length);
        }
        output.Write(Header(shortName ?? name[^Math.Min(name.Length, 100)..], prefix ?? [], size >= 1L << 33 ? 0 : size, seconds, type, mode));
    }

    /// <summary>ustar keeps a path in name (100 bytes) or prefix (155) + '/' + name; null when it does not fit.</summary>
    private static (byte[]? Prefix, byte[]? Name) Split(byte[] path)
    {
        if (path.Length <= 100)
        {
            return ([], path);
        }
        for (var i = Math.Min(path.Length - 1, 155); i > 0; i--)
        {
            if (path[i] == (byte)'/' && path.Length - i - 1 <= 100 && path.Length - i - 1 > 0)
            {
                return (path[..i], path[(i + 1)..]);
            }
        }
        return (null, null);
    }

    private static byte[] Header(byte[] name, byte[] prefix, long size, long seconds, char type, int mode)
    {
        var header = new byte[Block];
        name.CopyTo(header, 0);
        Octal(header, 100, 8, mode);
        Octal(header, 108, 8, 0);
        Octal(header, 116, 8, 0);
        Octal(header, 124, 12, size);
        Octal(header, 136, 12, seconds);
        header[156] = (byte)type;
        Encoding.ASCII.GetBytes("ustar\0").CopyTo(header, 257);
        Encoding.ASCII.GetBytes("00").CopyTo(header, 263);
        prefix.CopyTo(header, 345);
        // The checksum is computed with its own field as eight spaces.
        for (var i = 148; i < 156; i++)
        {
            header[i] = (byte)' ';
        }
        var sum = header.Sum(b => (long)b);
        Octal(header, 148, 7, sum);
        header[155] = (byte)' ';
        return header;
    }

    private static void Octal(byte[] header, int offset, int length, long value)
    {
        var text = Convert.ToString(value, 8).PadLeft(length - 1, '0');
        Encoding.ASCII.GetBytes(text).CopyTo(header, offset);
        header[offset + length - 1] = 0;
    }

    private static string PaxRecord(string key, string value)
    {
        // "LEN key=value\n", where LEN counts the whole record, its own digits included.
        var body = $" {key}={value}\n";
        var bodyLength = Encoding.UTF8.GetByteCount(body);
        var length = bodyLength + 1;
        while (length.ToString(CultureInfo.InvariantCulture).Length + bodyLength != length)
        {
            length = length.ToString(CultureInfo.InvariantCulture).Length + bodyLength;
        }
        return length.ToString(CultureInfo.InvariantCulture) + body;
    }

    private static void Pad(Stream output, long size)
    {
        var rest = (int)(size % Block);
        if (rest != 0)
        {
            output.Write(new byte[Block - rest]);
        }
    }
}

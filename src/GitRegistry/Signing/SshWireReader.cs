using System.Buffers.Binary;
using System.Text;

namespace GitRegistry.Signing;

/// <summary>
/// Reads the SSH wire encoding (RFC 4251 §5): big-endian uint32, length-prefixed strings and mpints. Every read
/// throws <see cref="FormatException"/> on truncated or malformed input, so parsers can treat any failure as
/// "not a valid blob".
/// </summary>
internal sealed class SshWireReader(byte[] data)
{
    // OpenSSH's SSHBUF_MAX_BIGNUM: 16384-bit numbers, plus one leading zero byte.
    private const int MaxMpintBytes = 16384 / 8 + 1;
    private int _position;

    public bool AtEnd => _position == data.Length;

    public uint ReadUInt32()
    {
        if (data.Length - _position < 4)
        {
            throw new FormatException("truncated uint32");
        }
        var value = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(_position, 4));
        _position += 4;
        return value;
    }

    public byte[] ReadBytes(int count)
    {
        if (count < 0 || data.Length - _position < count)
        {
            throw new FormatException("truncated data");
        }
        var bytes = data.AsSpan(_position, count).ToArray();
        _position += count;
        return bytes;
    }

    public byte[] ReadString()
    {
        var length = ReadUInt32();
        if (length > int.MaxValue)
        {
            throw new FormatException("string length out of range");
        }
        return ReadBytes((int)length);
    }

    /// <summary>A string that OpenSSH reads as a C string: text without NUL bytes.</summary>
    public string ReadText()
    {
        var bytes = ReadString();
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new FormatException("text contains a NUL byte");
        }
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A non-negative mpint as unsigned big-endian bytes without leading zeros (as OpenSSH accepts them).</summary>
    public byte[] ReadUnsignedMpint()
    {
        var bytes = ReadString();
        if (bytes.Length > 0 && (bytes[0] & 0x80) != 0)
        {
            throw new FormatException("negative mpint");
        }
        if (bytes.Length > MaxMpintBytes || (bytes.Length == MaxMpintBytes && bytes[0] != 0))
        {
            throw new FormatException("mpint too large");
        }
        var start = 0;
        while (start < bytes.Length && bytes[start] == 0)
        {
            start++;
        }
        return bytes[start..];
    }

    public void ExpectEnd(string what)
    {
        if (!AtEnd)
        {
            throw new FormatException($"{what} has trailing data");
        }
    }
}

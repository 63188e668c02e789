using System.Globalization;
using System.Text.RegularExpressions;

namespace GitRegistry.Configuration;

/// <summary>
/// Small edits to registry.yaml and allowed-signers text that keep the rest of the file, comments included,
/// exactly as its authors wrote it (re-serializing would drop their comments).
/// </summary>
internal static partial class RegistryConfigText
{
    /// <summary>Adds <paramref name="member"/> to a group written in flow style (<c>  approvers: [a, b]</c>), creating the group or the groups section if needed.</summary>
    public static string AddToGroup(string yaml, string group, string member)
    {
        var quoted = Quote(member);
        var line = new Regex($@"^(  {Regex.Escape(group)}:[ ]*\[)([^\]\n]*)(\].*)$", RegexOptions.Multiline);
        var match = line.Match(yaml);
        if (match.Success)
        {
            var members = match.Groups[2].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            if (members.Any(m => m.Trim('"', '\'') == member))
            {
                return yaml;
            }
            members.Add(quoted);
            return line.Replace(yaml, m => m.Groups[1].Value + string.Join(", ", members) + m.Groups[3].Value, 1);
        }
        var section = GroupsSection().Match(yaml);
        if (section.Success)
        {
            return yaml.Insert(section.Index + section.Length, $"\n  {group}: [{quoted}]");
        }
        if (yaml.Length > 0 && !yaml.EndsWith('\n'))
        {
            yaml += "\n";
        }
        return yaml + $"groups:\n  {group}: [{quoted}]\n";
    }

    /// <summary>Sets (or replaces) the <c>valid-before</c> option of an allowed-signers line (options are one comma-separated field).</summary>
    public static string WithValidBefore(string line, DateTime utc)
    {
        var stamp = $"valid-before=\"{utc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}Z\"";
        if (ValidBefore().IsMatch(line))
        {
            return ValidBefore().Replace(line, stamp, 1);
        }
        // principals [options] keytype key [comment]: options, when present, follow the principals.
        var fields = line.Split(' ', 3);
        if (fields.Length < 3)
        {
            return line;
        }
        var hasOptions = !KeyType().IsMatch(fields[1]);
        return hasOptions
            ? $"{fields[0]} {fields[1]},{stamp} {fields[2]}"
            : $"{fields[0]} {stamp} {fields[1]} {fields[2]}";
    }

    [GeneratedRegex(@"^(ssh-|ecdsa-|sk-)")]
    private static partial Regex KeyType();

    private static string Quote(string value) => Regex.IsMatch(value, "^[A-Za-z0-9_.@+-]+$") && !value.StartsWith('*') ? value : $"\"{value}\"";

    [GeneratedRegex(@"^groups:[ ]*$", RegexOptions.Multiline)]
    private static partial Regex GroupsSection();

    [GeneratedRegex(@"valid-before=""?[0-9]+Z?""?")]
    private static partial Regex ValidBefore();
}

using System.Globalization;

namespace GitRegistry.Signing;

/// <summary>
/// OpenSSH's absolute times (misc.c <c>parse_absolute_time</c>): <c>YYYYMMDD</c>, <c>YYYYMMDDHHMM</c> or
/// <c>YYYYMMDDHHMMSS</c>, in UTC when followed by <c>Z</c> or <c>UTC</c>, otherwise in local time.
/// </summary>
/// <remarks>
/// Local time: OpenSSH converts with <c>mktime</c> and <c>tm_isdst = 0</c>, which reads the time as local
/// <em>standard</em> time (an hour off during summer time). git, however, hands ssh-keygen the commit time as
/// local wall-clock time (<c>-Overify-time</c>, daylight saving included), which ssh-keygen reads back the same
/// way, so git effectively compares local wall-clock times. We convert local times with their real offset
/// (daylight saving included) and compare instants, which gives the same answer as git except within the hour
/// repeated when clocks go back; and for times with <c>Z</c> we are exact where git is an hour off in summer.
/// </remarks>
internal static class OpenSshTime
{
    /// <summary>Parses <paramref name="text"/>; null when OpenSSH would reject it.</summary>
    public static DateTimeOffset? Parse(string text, TimeZoneInfo localZone)
    {
        var utc = false;
        if (text.Length > 1 && text.EndsWith("Z", StringComparison.OrdinalIgnoreCase))
        {
            utc = true;
            text = text[..^1];
        }
        else if (text.Length > 3 && text.EndsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            utc = true;
            text = text[..^3];
        }
        if (text.Length is not (8 or 12 or 14) || !text.All(char.IsAsciiDigit))
        {
            return null;
        }
        int Field(int start, int length) => int.Parse(text.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
        int year = Field(0, 4), month = Field(4, 2), day = Field(6, 2);
        int hour = text.Length >= 12 ? Field(8, 2) : 0, minute = text.Length >= 12 ? Field(10, 2) : 0, second = text.Length == 14 ? Field(12, 2) : 0;
        // The ranges strptime accepts; like mktime/timegm, a day past the month's end rolls into the next month.
        if (year < 1 || month is < 1 or > 12 || day is < 1 or > 31 || hour > 23 || minute > 59 || second > 60)
        {
            return null;
        }
        var wallClock = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified)
            .AddDays(day - 1).AddHours(hour).AddMinutes(minute).AddSeconds(second);
        DateTimeOffset instant;
        if (utc)
        {
            instant = new DateTimeOffset(wallClock, TimeSpan.Zero);
        }
        else
        {
            // A wall-clock time skipped when clocks go forward has no offset of its own: read it as standard time.
            var offset = localZone.IsInvalidTime(wallClock) ? localZone.BaseUtcOffset : localZone.GetUtcOffset(wallClock);
            instant = new DateTimeOffset(wallClock, offset);
        }
        // OpenSSH rejects times before the epoch, and 0 means "not set" in its option parser.
        return instant.ToUnixTimeSeconds() > 0 ? instant : null;
    }
}

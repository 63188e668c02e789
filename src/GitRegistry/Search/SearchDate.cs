using System.Globalization;

namespace GitRegistry.Search;

/// <summary>
/// A date in a filter: <c>'2024-03-01'</c> is the whole day (UTC), so <c>created_at = '2024-03-01'</c> means during
/// it and <c>created_at &gt; '2024-03-01'</c> after it; a date-time (<c>'2024-03-01T12:00:00Z'</c>) or epoch
/// milliseconds (MLflow's creation_timestamp) is one instant.
/// </summary>
internal readonly record struct SearchDate(long StartTicks, long EndTicks)
{
    private static readonly string[] Days = ["yyyy-MM-dd"];
    private static readonly string[] Times = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static SearchDate? Parse(string text)
    {
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text.Trim(), Days, CultureInfo.InvariantCulture, utc, out var day))
        {
            return new SearchDate(day.UtcTicks, day.AddDays(1).UtcTicks);
        }
        if (DateTimeOffset.TryParseExact(text.Trim(), Times, CultureInfo.InvariantCulture, utc, out var time))
        {
            return new SearchDate(time.UtcTicks, time.UtcTicks + 1);
        }
        return null;
    }

    public static SearchDate FromMilliseconds(double milliseconds)
    {
        var ticks = DateTimeOffset.UnixEpoch.UtcTicks + (long)(milliseconds * TimeSpan.TicksPerMillisecond);
        return new SearchDate(ticks, ticks + 1);
    }
}

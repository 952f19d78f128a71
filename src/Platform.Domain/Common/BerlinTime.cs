namespace Platform.Domain.Common;

/// <summary>The time zone every date is entered and shown in; dates are stored in UTC.</summary>
public static class BerlinTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        // A wall time skipped by the spring change (02:30 on the last Sunday of March) never comes: the first one
        // that does is the end of the gap (03:00).
        if (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddSeconds(-unspecified.Second).AddTicks(-(unspecified.Ticks % TimeSpan.TicksPerSecond));
            while (Zone.IsInvalidTime(unspecified))
            {
                unspecified = unspecified.AddMinutes(1);
            }
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
}

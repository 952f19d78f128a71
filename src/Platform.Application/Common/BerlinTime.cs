using System.Globalization;

namespace Platform.Application.Common;

/// <summary>The platform's local time: Europe/Berlin, with daylight saving as the time-zone database says.</summary>
public static class BerlinTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A Berlin wall-clock time as UTC; an hour that does not exist (spring forward) moves on by the gap.</summary>
    public static DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    public static string Format(DateTime? utc) =>
        utc is { } value ? FromUtc(value).ToString("dd.MM.yyyy 'um' HH:mm 'Uhr'", CultureInfo.GetCultureInfo("de-DE")) : "–";
}

using System.Globalization;

namespace Platform.Web;

/// <summary>Shows UTC instants as German dates in Europe/Berlin, whatever the server's own time zone is.</summary>
public static class DateDisplay
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string FormatWithTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin).ToString("d. MMMM yyyy, HH:mm 'Uhr'", German);

    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin).ToString("d. MMMM yyyy", German);
}

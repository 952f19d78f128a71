using System.Globalization;
using Platform.Web.Resources;

namespace Platform.Web;

/// <summary>Shows UTC instants as dates in Europe/Berlin, whatever the server's own time zone is, in the UI language.</summary>
public static class DateDisplay
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The current culture for dates, always on the Gregorian calendar (Arabic cultures may default to another).</summary>
    public static CultureInfo Culture
    {
        get
        {
            var culture = CultureInfo.CurrentCulture;
            if (culture.DateTimeFormat.Calendar is GregorianCalendar || !culture.OptionalCalendars.Any(c => c is GregorianCalendar))
            {
                return culture;
            }

            var gregorian = (CultureInfo)culture.Clone();
            gregorian.DateTimeFormat.Calendar = culture.OptionalCalendars.First(c => c is GregorianCalendar);
            return gregorian;
        }
    }

    public static string FormatWithTime(DateTime utc) => ToBerlin(utc).ToString(UiText.Get("Date.DayWithTime"), Culture);

    public static string Format(DateTime utc) => ToBerlin(utc).ToString(UiText.Get("Date.Day"), Culture);

    /// <summary>A calendar date (no time, no time zone) in the day pattern of the current culture.</summary>
    public static string Format(DateOnly date) => date.ToString(UiText.Get("Date.Day"), Culture);

    private static DateTime ToBerlin(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin);
}

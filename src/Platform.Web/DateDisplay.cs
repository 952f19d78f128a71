using System.Globalization;
using Platform.Domain.Common;
using Platform.Web.Resources;

namespace Platform.Web;

/// <summary>Shows UTC instants as dates in Europe/Berlin, whatever the server's own time zone is, in the UI language.</summary>
public static class DateDisplay
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The current culture for dates, always on the Gregorian calendar (Arabic cultures may default to another).</summary>
    public static CultureInfo Culture => GregorianCulture.Of(CultureInfo.CurrentCulture);

    public static string FormatWithTime(DateTime utc) => ToBerlin(utc).ToString(UiText.Get("Date.DayWithTime"), Culture);

    public static string Format(DateTime utc) => ToBerlin(utc).ToString(UiText.Get("Date.Day"), Culture);

    /// <summary>A calendar date (no time, no time zone) in the day pattern of the current culture.</summary>
    public static string Format(DateOnly date) => date.ToString(UiText.Get("Date.Day"), Culture);

    /// <summary>
    /// The machine-readable value of a <c>&lt;time datetime&gt;</c> attribute: a UTC instant in the form HTML accepts
    /// (at most three fraction digits, so not the round-trip "O" format with its seven).
    /// </summary>
    public static string Machine(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable value of a <c>&lt;time datetime&gt;</c> attribute for a calendar date.</summary>
    public static string Machine(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime ToBerlin(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin);
}

using System.Globalization;
using Platform.Domain.Common;

namespace Platform.Web.Components.Posts.Editorial;

/// <summary>
/// The days a calendar view shows, as Berlin calendar days and the UTC instants where each begins and ends. Days are
/// cut at Berlin midnight, so the day the clocks go back has 25 hours and the day they go forward 23.
/// </summary>
public sealed record CalendarRange(DateOnly First, DateOnly Last, IReadOnlyList<CalendarDay> Days)
{
    public DateTime FromUtc => Days[0].StartUtc;

    public DateTime ToUtc => Days[^1].EndUtc;

    /// <summary>Monday to Sunday of the week that holds <paramref name="date"/>.</summary>
    public static CalendarRange Week(DateOnly date)
    {
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return Of(monday, monday.AddDays(6));
    }

    /// <summary>Every day of the month that holds <paramref name="date"/>, padded to whole weeks (Monday first).</summary>
    public static CalendarRange Month(DateOnly date)
    {
        var first = new DateOnly(date.Year, date.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        return Of(Week(first).First, Week(last).Last);
    }

    private static CalendarRange Of(DateOnly first, DateOnly last)
    {
        var days = new List<CalendarDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(new CalendarDay(day, Midnight(day), Midnight(day.AddDays(1))));
        }

        return new CalendarRange(first, last, days);
    }

    private static DateTime Midnight(DateOnly day) => BerlinTime.ToUtc(day.ToDateTime(TimeOnly.MinValue));

    public static DateOnly ParseOrToday(string? value, DateTime utcNow) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : DateOnly.FromDateTime(BerlinTime.ToLocal(utcNow));
}

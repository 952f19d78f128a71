using System.Globalization;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>
/// A jobcenter's callback hours as staff edit them. <paramref name="Ranges"/>: day 1 (Monday) to 7 (Sunday), times
/// <c>HH:mm</c> in Europe/Berlin. <paramref name="Holidays"/>: the public holidays of Hesse of the next twelve months,
/// closed without an entry.
/// </summary>
public sealed record CallbackHoursView(
    int SlotMinutes, int Capacity, IReadOnlyList<CallbackRangeView> Ranges, IReadOnlyList<DateOnly> ClosedDays, IReadOnlyList<DateOnly> Holidays)
{
    public static CallbackHoursView Of(CallbackHours? hours, DateOnly today) => new(
        hours?.SlotMinutes ?? 15,
        hours?.Capacity ?? 1,
        hours is null ? [] : [.. hours.Ranges.Select(CallbackRangeView.Of)],
        hours is null ? [] : [.. hours.ClosedDayList.Where(d => d >= today)],
        [.. HesseHolidays.Of(today.Year).Concat(HesseHolidays.Of(today.Year + 1)).Where(d => d >= today && d < today.AddYears(1))]);
}

/// <summary>One range: <paramref name="Day"/> 1 (Monday) to 7 (Sunday), <paramref name="Start"/> and <paramref name="End"/> as <c>HH:mm</c>.</summary>
public sealed record CallbackRangeView(int Day, string Start, string End)
{
    public static CallbackRangeView Of(CallbackRange range) => new(
        range.Day == DayOfWeek.Sunday ? 7 : (int)range.Day,
        range.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        range.End.ToString("HH:mm", CultureInfo.InvariantCulture));
}

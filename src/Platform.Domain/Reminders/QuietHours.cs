using Platform.Domain.Common;

namespace Platform.Domain.Reminders;

/// <summary>
/// Quiet hours in Europe/Berlin wall time, possibly across midnight. A message due inside them is moved to their end,
/// computed in wall time and converted back, so a night with a daylight-saving change is an hour shorter or longer.
/// </summary>
public readonly record struct QuietHours(TimeOnly Start, TimeOnly End)
{
    public static QuietHours Default { get; } = new(NotificationPreferences.DefaultQuietStart, NotificationPreferences.DefaultQuietEnd);

    public bool Contains(TimeOnly time) => Start < End
        ? time >= Start && time < End
        : time >= Start || time < End;

    /// <summary>The UTC instant at which a message due at <paramref name="dueUtc"/> may go out.</summary>
    public DateTime Delay(DateTime dueUtc)
    {
        var local = BerlinTime.ToLocal(dueUtc);
        var time = TimeOnly.FromDateTime(local);
        if (!Contains(time))
        {
            return dueUtc;
        }

        // Across midnight, the end is on the next day when the message falls before midnight.
        var endDate = Start > End && time >= Start ? local.Date.AddDays(1) : local.Date;
        var end = BerlinTime.ToUtc(endDate + End.ToTimeSpan());
        return end > dueUtc ? end : dueUtc;
    }
}

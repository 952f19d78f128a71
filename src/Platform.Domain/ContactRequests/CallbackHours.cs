using System.Globalization;
using Platform.Domain.Common;

namespace Platform.Domain.ContactRequests;

/// <summary>
/// When a jobcenter calls young people back: a weekly pattern of time ranges in Europe/Berlin wall time, cut into
/// slots of <see cref="SlotMinutes"/>, each with <see cref="Capacity"/> places. Closed days and the public holidays of
/// Hesse (<see cref="HesseHolidays"/>) have no slots. One row per tenant.
/// </summary>
public sealed class CallbackHours : ITenantOwned
{
    public const int MinSlotMinutes = 5;

    public const int MaxSlotMinutes = 120;

    public const int MinCapacity = 1;

    public const int MaxCapacity = 20;

    public const int MaxClosedDays = 100;

    public const int MaxRanges = 30;

    /// <summary>How far ahead young people can book.</summary>
    public static readonly TimeSpan BookingHorizon = TimeSpan.FromDays(14);

    /// <summary>The earliest slot young people can book lies this far ahead: the team needs time to plan.</summary>
    public static readonly TimeSpan MinimumNotice = TimeSpan.FromHours(2);

    private CallbackHours()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public int SlotMinutes { get; private set; } = 15;

    public int Capacity { get; private set; } = 1;

    /// <summary>The ranges, for example <c>1 09:00-12:00;4 14:00-17:00</c> (day of week 0 = Sunday).</summary>
    public string Pattern { get; private set; } = "";

    /// <summary>Closed days, <c>yyyy-MM-dd</c> separated by spaces.</summary>
    public string ClosedDays { get; private set; } = "";

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<CallbackRange> Ranges => [.. Pattern.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(ParseRange)];

    public IReadOnlyList<DateOnly> ClosedDayList =>
        [.. ClosedDays.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    public static CallbackHours Create(Guid tenantId, DateTime now) => new() { Id = Guid.CreateVersion7(), TenantId = tenantId, UpdatedAt = now };

    /// <summary>Replaces the hours; the validator has checked the input, these checks are the last wall.</summary>
    public void Change(IReadOnlyCollection<CallbackRange> ranges, int slotMinutes, int capacity, IReadOnlyCollection<DateOnly> closedDays, DateTime now)
    {
        if (slotMinutes is < MinSlotMinutes or > MaxSlotMinutes)
        {
            throw new DomainException("callback.slotMinutes", $"Ein Zeitfenster dauert {MinSlotMinutes} bis {MaxSlotMinutes} Minuten.");
        }

        if (capacity is < MinCapacity or > MaxCapacity)
        {
            throw new DomainException("callback.capacity", $"Je Zeitfenster sind {MinCapacity} bis {MaxCapacity} Anrufe möglich.");
        }

        if (ranges.Any(r => r.End <= r.Start) || Overlapping(ranges) is not null)
        {
            throw new DomainException("callback.ranges", "Die Zeiten überschneiden sich oder enden vor ihrem Beginn.");
        }

        Pattern = string.Join(';', ranges.OrderBy(r => r.Day).ThenBy(r => r.Start)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{(int)r.Day} {r.Start:HH\\:mm}-{r.End:HH\\:mm}")));
        ClosedDays = string.Join(' ', closedDays.Distinct().Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        SlotMinutes = slotMinutes;
        Capacity = capacity;
        UpdatedAt = now;
    }

    /// <summary>The first range (in the given order) that overlaps an earlier one of the same day; null when none does.</summary>
    public static int? Overlapping(IReadOnlyCollection<CallbackRange> ranges)
    {
        var list = ranges.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (list[i].Day == list[j].Day && list[i].Start < list[j].End && list[j].Start < list[i].End)
                {
                    return i;
                }
            }
        }

        return null;
    }

    /// <summary>True on a closed day or a public holiday of Hesse.</summary>
    public bool IsClosed(DateOnly date) => HesseHolidays.IsHoliday(date) || ClosedDayList.Contains(date);

    /// <summary>
    /// The starts (UTC) of every slot that begins in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), in order.
    /// A wall time the spring change skips has no slot; one the autumn change repeats has one (its first occurrence).
    /// </summary>
    public IReadOnlyList<DateTime> SlotsBetween(DateTime fromUtc, DateTime toUtc)
    {
        var slots = new SortedSet<DateTime>();
        var ranges = Ranges;
        var closed = ClosedDayList.ToHashSet();
        var first = DateOnly.FromDateTime(BerlinTime.ToLocal(fromUtc));
        var last = DateOnly.FromDateTime(BerlinTime.ToLocal(toUtc));
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (closed.Contains(date) || HesseHolidays.IsHoliday(date))
            {
                continue;
            }

            foreach (var range in ranges.Where(r => r.Day == date.DayOfWeek))
            {
                var end = range.End.ToTimeSpan();
                for (var t = range.Start.ToTimeSpan(); t + TimeSpan.FromMinutes(SlotMinutes) <= end; t += TimeSpan.FromMinutes(SlotMinutes))
                {
                    if (ToUtc(date, TimeOnly.FromTimeSpan(t)) is { } start && start >= fromUtc && start < toUtc)
                    {
                        slots.Add(start);
                    }
                }
            }
        }

        return [.. slots];
    }

    /// <summary>True when <paramref name="startUtc"/> is the start of one of the slots (right day, inside a range, on the grid).</summary>
    public bool IsSlot(DateTime startUtc)
    {
        var local = BerlinTime.ToLocal(startUtc);
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (IsClosed(date) || ToUtc(date, time) != DateTime.SpecifyKind(startUtc, DateTimeKind.Utc))
        {
            return false;
        }

        return Ranges.Any(r => r.Day == date.DayOfWeek
            && time >= r.Start
            && (time - r.Start).Ticks % TimeSpan.FromMinutes(SlotMinutes).Ticks == 0
            && time.ToTimeSpan() + TimeSpan.FromMinutes(SlotMinutes) <= r.End.ToTimeSpan());
    }

    private static DateTime? ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (BerlinTime.Zone.IsInvalidTime(local))
        {
            return null;
        }

        // An ambiguous autumn wall time: its first occurrence, still in summer time.
        if (BerlinTime.Zone.IsAmbiguousTime(local))
        {
            var offset = BerlinTime.Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, BerlinTime.Zone);
    }

    private static CallbackRange ParseRange(string text)
    {
        var parts = text.Split(' ', '-');
        return new CallbackRange(
            (DayOfWeek)int.Parse(parts[0], CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture),
            TimeOnly.ParseExact(parts[2], "HH:mm", CultureInfo.InvariantCulture));
    }
}

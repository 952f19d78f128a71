using Platform.Domain.Common;
using Platform.Domain.ContactRequests;

namespace Platform.Domain.Tests.ContactRequests;

public sealed class CallbackHoursTests
{
    private static readonly Guid TenantId = Guid.NewGuid();

    // Monday, 7 December 2026, 08:00 in Berlin (winter time, UTC+1).
    private static readonly DateTime Now = new(2026, 12, 7, 7, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void Easter_sunday_is_computed_by_the_gregorian_algorithm(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), HesseHolidays.EasterSunday(year));

    [Fact]
    public void The_holidays_of_hesse_in_2026_are_the_ten_known_dates() =>
        Assert.Equal(
            [
                new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14),
                new(2026, 5, 25), new(2026, 6, 4), new(2026, 10, 3), new(2026, 12, 25), new(2026, 12, 26),
            ],
            HesseHolidays.Of(2026));

    [Theory]
    [InlineData(2025, 4, 18)]
    [InlineData(2025, 6, 9)]
    [InlineData(2025, 6, 19)]
    [InlineData(2024, 5, 9)]
    [InlineData(2027, 3, 29)]
    [InlineData(2027, 5, 27)]
    public void Moving_holidays_of_other_years_are_found(int year, int month, int day) =>
        Assert.True(HesseHolidays.IsHoliday(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(2026, 12, 24)]
    [InlineData(2026, 11, 1)]
    [InlineData(2026, 1, 6)]
    public void Days_that_are_holidays_elsewhere_but_not_in_hesse_stay_open(int year, int month, int day) =>
        Assert.False(HesseHolidays.IsHoliday(new DateOnly(year, month, day)));

    [Fact]
    public void Slots_follow_the_weekly_pattern_in_berlin_time()
    {
        var hours = Hours([new(DayOfWeek.Monday, new(9, 0), new(10, 0)), new(DayOfWeek.Thursday, new(14, 0), new(14, 45))], slotMinutes: 15);

        var slots = hours.SlotsBetween(Now, Now.AddDays(7));

        Assert.Equal(
            [
                Utc(2026, 12, 7, 8, 0), Utc(2026, 12, 7, 8, 15), Utc(2026, 12, 7, 8, 30), Utc(2026, 12, 7, 8, 45),
                Utc(2026, 12, 10, 13, 0), Utc(2026, 12, 10, 13, 15), Utc(2026, 12, 10, 13, 30),
            ],
            slots);
    }

    [Fact]
    public void A_slot_that_would_end_after_the_range_is_not_offered()
    {
        var hours = Hours([new(DayOfWeek.Monday, new(9, 0), new(9, 50))], slotMinutes: 20);

        Assert.Equal([Utc(2026, 12, 7, 8, 0), Utc(2026, 12, 7, 8, 20)], hours.SlotsBetween(Now, Now.AddDays(1)));
    }

    [Fact]
    public void Closed_days_and_holidays_have_no_slots()
    {
        // Christmas falls on a Friday in 2026; the Thursday before is closed by the jobcenter.
        var hours = Hours(
            [new(DayOfWeek.Thursday, new(9, 0), new(10, 0)), new(DayOfWeek.Friday, new(9, 0), new(10, 0))], slotMinutes: 60, closed: [new(2026, 12, 24)]);

        var slots = hours.SlotsBetween(Utc(2026, 12, 21, 0, 0), Utc(2027, 1, 2, 0, 0));

        Assert.Equal([Utc(2026, 12, 31, 8, 0)], slots);
        Assert.False(hours.IsSlot(Utc(2026, 12, 25, 8, 0)));
        Assert.False(hours.IsSlot(Utc(2026, 12, 24, 8, 0)));
        Assert.True(hours.IsSlot(Utc(2026, 12, 31, 8, 0)));
    }

    [Fact]
    public void On_the_spring_change_slots_keep_their_wall_time_and_the_skipped_hour_has_none()
    {
        // 29 March 2026: at 02:00 the clocks jump to 03:00 (UTC+1 to UTC+2).
        var hours = Hours([new(DayOfWeek.Saturday, new(9, 0), new(9, 30)), new(DayOfWeek.Sunday, new(1, 0), new(4, 0)), new(DayOfWeek.Sunday, new(9, 0), new(9, 30))], slotMinutes: 30);

        var slots = hours.SlotsBetween(Utc(2026, 3, 27, 0, 0), Utc(2026, 3, 30, 0, 0));

        Assert.Equal(
            [
                Utc(2026, 3, 28, 8, 0),
                Utc(2026, 3, 29, 0, 0), Utc(2026, 3, 29, 0, 30), Utc(2026, 3, 29, 1, 0), Utc(2026, 3, 29, 1, 30),
                Utc(2026, 3, 29, 7, 0),
            ],
            slots);
        Assert.All(slots, s => Assert.True(hours.IsSlot(s)));
    }

    [Fact]
    public void On_the_autumn_change_the_repeated_hour_has_one_slot()
    {
        // 25 October 2026: at 03:00 the clocks go back to 02:00 (UTC+2 to UTC+1); 02:00 happens twice.
        var hours = Hours([new(DayOfWeek.Sunday, new(1, 0), new(4, 0)), new(DayOfWeek.Sunday, new(9, 0), new(10, 0))], slotMinutes: 60);

        var slots = hours.SlotsBetween(Utc(2026, 10, 24, 0, 0), Utc(2026, 10, 26, 0, 0));

        Assert.Equal([Utc(2026, 10, 24, 23, 0), Utc(2026, 10, 25, 0, 0), Utc(2026, 10, 25, 2, 0), Utc(2026, 10, 25, 8, 0)], slots);
        Assert.False(hours.IsSlot(Utc(2026, 10, 25, 1, 0)));
    }

    [Fact]
    public void A_booking_takes_a_place_and_cancelling_frees_it()
    {
        var hours = Hours([new(DayOfWeek.Monday, new(14, 0), new(15, 0))], slotMinutes: 15, capacity: 2);

        var booking = CallbackBooking.Book(hours, Utc(2026, 12, 7, 13, 0), 2, " Mo ", " 0151 1234567 ", null, consent: true, Now);

        Assert.Equal(2, booking.Place);
        Assert.Equal(Utc(2026, 12, 7, 13, 15), booking.SlotEnd);
        Assert.Equal("Mo", booking.Name);
        booking.Cancel(Now.AddHours(1));
        Assert.Null(booking.Place);
        Assert.True(booking.IsCancelled);
    }

    [Theory]
    [InlineData(2026, 12, 7, 8, 0, "callback.tooSoon")]
    [InlineData(2026, 12, 7, 6, 0, "callback.tooSoon")]
    [InlineData(2026, 12, 7, 13, 5, "callback.notOffered")]
    [InlineData(2026, 12, 8, 13, 0, "callback.notOffered")]
    [InlineData(2026, 12, 28, 13, 0, "callback.notOffered")]
    public void A_slot_in_the_past_too_soon_misaligned_outside_or_too_far_ahead_is_refused(int y, int m, int d, int h, int min, string code)
    {
        var hours = Hours([new(DayOfWeek.Monday, new(9, 0), new(15, 0))], slotMinutes: 15);

        var refused = Assert.Throws<DomainException>(() => CallbackBooking.Book(hours, Utc(y, m, d, h, min), 1, "Mo", "0151 1234567", null, consent: true, Now));

        Assert.Equal(code, refused.Code);
    }

    [Fact]
    public void A_full_slot_is_refused() =>
        Assert.Equal("callback.full", Assert.Throws<DomainException>(() =>
            CallbackBooking.Book(Hours([new(DayOfWeek.Monday, new(14, 0), new(15, 0))], 15), Utc(2026, 12, 7, 13, 0), null, "Mo", "0151 1234567", null, true, Now)).Code);

    [Fact]
    public void Overlapping_ranges_are_found_by_the_index_of_the_later_one()
    {
        Assert.Equal(2, CallbackHours.Overlapping(
            [new(DayOfWeek.Monday, new(9, 0), new(12, 0)), new(DayOfWeek.Tuesday, new(9, 0), new(12, 0)), new(DayOfWeek.Monday, new(11, 0), new(13, 0))]));
        Assert.Null(CallbackHours.Overlapping([new(DayOfWeek.Monday, new(9, 0), new(12, 0)), new(DayOfWeek.Monday, new(12, 0), new(13, 0))]));
    }

    [Fact]
    public void The_hours_refuse_what_the_validator_would_have_refused()
    {
        var hours = CallbackHours.Create(TenantId, Now);

        Assert.Throws<DomainException>(() => hours.Change([], 4, 1, [], Now));
        Assert.Throws<DomainException>(() => hours.Change([], 15, 21, [], Now));
        Assert.Throws<DomainException>(() => hours.Change([new(DayOfWeek.Monday, new(12, 0), new(9, 0))], 15, 1, [], Now));
    }

    private static CallbackHours Hours(IReadOnlyCollection<CallbackRange> ranges, int slotMinutes, int capacity = 1, IReadOnlyCollection<DateOnly>? closed = null)
    {
        var hours = CallbackHours.Create(TenantId, Now);
        hours.Change(ranges, slotMinutes, capacity, closed ?? [], Now);
        return hours;
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}

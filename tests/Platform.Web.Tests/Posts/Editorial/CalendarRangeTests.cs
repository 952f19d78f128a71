using Platform.Web.Components.Posts.Editorial;

namespace Platform.Web.Tests.Posts.Editorial;

/// <summary>The calendar's days are Berlin days, also when the clocks change.</summary>
public sealed class CalendarRangeTests
{
    [Fact]
    public void The_week_with_the_last_sunday_of_october_has_a_25_hour_sunday()
    {
        // 25 October 2026 is the last Sunday of October: at 03:00 CEST the clocks go back to 02:00 CET.
        var week = CalendarRange.Week(new DateOnly(2026, 10, 22));

        Assert.Equal(new DateOnly(2026, 10, 19), week.First);
        Assert.Equal(new DateOnly(2026, 10, 25), week.Last);
        Assert.Equal(new DateTime(2026, 10, 18, 22, 0, 0, DateTimeKind.Utc), week.FromUtc);
        Assert.Equal(new DateTime(2026, 10, 25, 23, 0, 0, DateTimeKind.Utc), week.ToUtc);
        Assert.Equal(TimeSpan.FromHours((7 * 24) + 1), week.ToUtc - week.FromUtc);
        Assert.Equal(TimeSpan.FromHours(25), week.Days[^1].Length);
        Assert.All(week.Days.Take(6), d => Assert.Equal(TimeSpan.FromHours(24), d.Length));
    }

    [Fact]
    public void The_day_the_clocks_go_forward_has_23_hours()
    {
        var day = CalendarRange.Week(new DateOnly(2027, 3, 28)).Days.Single(d => d.Date == new DateOnly(2027, 3, 28));

        Assert.Equal(TimeSpan.FromHours(23), day.Length);
    }

    [Fact]
    public void A_month_is_padded_to_whole_weeks_from_monday()
    {
        var month = CalendarRange.Month(new DateOnly(2027, 10, 15));

        Assert.Equal(new DateOnly(2027, 9, 27), month.First);
        Assert.Equal(new DateOnly(2027, 10, 31), month.Last);
        Assert.Equal(0, month.Days.Count % 7);
    }
}

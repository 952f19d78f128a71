using Platform.Domain.Common;
using Platform.Domain.Reminders;

namespace Platform.Domain.Tests.Reminders;

public sealed class QuietHoursTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void A_push_in_the_evening_waits_until_seven_in_the_morning()
    {
        // 22:30 in Berlin in winter (CET, UTC+1) → 07:00 CET the next morning = 06:00 UTC.
        Assert.Equal(Utc(2026, 12, 2, 6, 0), QuietHours.Default.Delay(Utc(2026, 12, 1, 21, 30)));
    }

    [Fact]
    public void A_push_outside_the_quiet_hours_is_not_moved()
    {
        var noon = Utc(2026, 12, 1, 11, 0);
        Assert.Equal(noon, QuietHours.Default.Delay(noon));
    }

    [Fact]
    public void The_night_the_clocks_go_forward_is_an_hour_shorter()
    {
        // Last Sunday of March 2027: 02:00 CET becomes 03:00 CEST. 23:30 CET on Saturday = 22:30 UTC; the end, 07:00 CEST, is 05:00 UTC.
        var due = Utc(2027, 3, 27, 22, 30);
        var end = QuietHours.Default.Delay(due);
        Assert.Equal(Utc(2027, 3, 28, 5, 0), end);
        Assert.Equal(TimeSpan.FromHours(6.5), end - due);

        // Due in the small hours after the change (02:30 UTC = 04:30 CEST): still 07:00 CEST.
        Assert.Equal(Utc(2027, 3, 28, 5, 0), QuietHours.Default.Delay(Utc(2027, 3, 28, 2, 30)));
    }

    [Fact]
    public void The_night_the_clocks_go_back_is_an_hour_longer()
    {
        // Last Sunday of October 2027: 03:00 CEST becomes 02:00 CET. 23:30 CEST on Saturday = 21:30 UTC; the end, 07:00 CET, is 06:00 UTC.
        var due = Utc(2027, 10, 30, 21, 30);
        var end = QuietHours.Default.Delay(due);
        Assert.Equal(Utc(2027, 10, 31, 6, 0), end);
        Assert.Equal(TimeSpan.FromHours(8.5), end - due);

        // Both 02:30s of that night (00:30 UTC in summer time and 01:30 UTC in winter time) wait until 06:00 UTC.
        Assert.Equal(Utc(2027, 10, 31, 6, 0), QuietHours.Default.Delay(Utc(2027, 10, 31, 0, 30)));
        Assert.Equal(Utc(2027, 10, 31, 6, 0), QuietHours.Default.Delay(Utc(2027, 10, 31, 1, 30)));
    }

    [Fact]
    public void Quiet_hours_ending_inside_the_skipped_hour_end_at_the_next_real_time()
    {
        // 01:00–02:30 does not end on the spring night (02:30 does not exist): it ends at 03:00 CEST = 01:00 UTC.
        var quiet = new QuietHours(new TimeOnly(1, 0), new TimeOnly(2, 30));
        Assert.Equal(Utc(2027, 3, 28, 1, 0), quiet.Delay(Utc(2027, 3, 28, 0, 15)));
    }

    [Fact]
    public void Quiet_hours_within_one_day_are_honoured()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0));
        Assert.Equal(Utc(2026, 7, 1, 11, 0), lunch.Delay(Utc(2026, 7, 1, 10, 15)));
        Assert.Equal(Utc(2026, 7, 1, 9, 59), lunch.Delay(Utc(2026, 7, 1, 9, 59)));
    }
}

public sealed class ReminderTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Each_lead_time_and_channel_becomes_one_delivery_with_a_unique_key()
    {
        var due = Now.AddDays(10);
        var (reminder, deliveries) = Reminder.Create(
            Guid.NewGuid(), Guid.NewGuid(), ReminderKind.BenefitRenewal, null, null, due,
            [TimeSpan.FromDays(7), TimeSpan.FromHours(2)], NotificationChannels.Email, Now, NotificationWordingTests.German);

        // 7 days and 2 hours before, each in-app and by e-mail.
        Assert.Equal(4, deliveries.Count);
        Assert.Equal(4, deliveries.Select(d => d.Key).Distinct().Count());
        Assert.Contains(deliveries, d => d.Channel == NotificationChannel.Email && d.DueAt == due.AddDays(-7));
        Assert.Contains(deliveries, d => d.Channel == NotificationChannel.InApp && d.DueAt == due.AddHours(-2));
        Assert.Equal("Weiterbewilligungsantrag", reminder.Title);
    }

    [Fact]
    public void A_lead_time_whose_moment_has_passed_is_refused_rather_than_left_out()
    {
        var error = Assert.Throws<DomainException>(() => Reminder.Create(
            Guid.NewGuid(), Guid.NewGuid(), ReminderKind.BenefitRenewal, null, null, Now.AddDays(10),
            [TimeSpan.FromDays(7), TimeSpan.FromDays(14)], NotificationChannels.Email, Now, NotificationWordingTests.German));
        Assert.Equal("reminder.leadPassed", error.Code);
    }

    [Fact]
    public void A_reminder_in_the_past_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => Reminder.Create(
            Guid.NewGuid(), Guid.NewGuid(), ReminderKind.JobcenterAppointment, null, null, Now.AddMinutes(-1), [TimeSpan.FromDays(1)], NotificationChannels.InApp, Now, NotificationWordingTests.German));
        Assert.Equal("reminder.past", error.Code);
    }

    [Fact]
    public void Under_16_no_consent_based_channel_can_be_switched_on()
    {
        var preferences = NotificationPreferences.Default(Guid.NewGuid(), Guid.NewGuid(), Now);

        Assert.Throws<DomainException>(() => preferences.SetChannel(NotificationChannel.Email, true, confirmedAtLeast16: false, Now));
        var consent = preferences.SetChannel(NotificationChannel.Email, true, confirmedAtLeast16: true, Now);

        Assert.NotNull(consent);
        Assert.True(consent.Given);
        Assert.False(preferences.Allows(NotificationChannel.Email, confirmedAtLeast16: false));
        Assert.True(preferences.Allows(NotificationChannel.Email, confirmedAtLeast16: true));
        Assert.Null(preferences.SetChannel(NotificationChannel.Email, true, confirmedAtLeast16: true, Now));
    }
}

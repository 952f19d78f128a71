using Platform.Domain.Reminders;

namespace Platform.Domain.Tests.Reminders;

/// <summary>A delivery is written whole in the wording it is given: its language, dates in Berlin time on the Gregorian calendar.</summary>
public sealed class NotificationWordingTests
{
    public static readonly NotificationWording German = Wording("de", "dddd, d. MMMM yyyy");

    private static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_reminder_is_written_in_the_wording_it_was_given_and_keeps_its_language()
    {
        // 14:30 in Berlin in winter is 13:30 UTC.
        var due = new DateTime(2026, 12, 7, 13, 30, 0, DateTimeKind.Utc);
        var (_, deliveries) = Reminder.Create(
            Guid.NewGuid(), Guid.NewGuid(), ReminderKind.JobcenterAppointment, "Termin bei Frau Yilmaz", null, due,
            [TimeSpan.FromDays(7)], NotificationChannels.InApp, Now, German);

        var delivery = Assert.Single(deliveries);
        Assert.Equal("de", delivery.Language);
        Assert.Equal("Erinnerung: Termin bei Frau Yilmaz", delivery.Title);
        Assert.Equal("Termin bei Frau Yilmaz – in 7 Tagen, am Montag, 7. Dezember 2026 um 14:30 Uhr.", delivery.Text);
    }

    [Fact]
    public void Farsi_dates_stay_on_the_gregorian_calendar_a_jobcenter_letter_uses()
    {
        var farsi = Wording("fa", "dddd، d MMMM yyyy");

        var sentence = farsi.ReminderSentence("Termin", TimeSpan.FromDays(1), new DateTime(2026, 12, 7, 13, 30, 0, DateTimeKind.Utc));

        // Without the Gregorian calendar .NET would write 16 Azar 1405.
        Assert.Contains("2026", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("1405", sentence, StringComparison.Ordinal);
        Assert.Contains("14:30", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seat_from_the_waiting_list_is_dated_in_berlin_summer_time()
    {
        var text = German.Promotion("Bewerbungstraining", new DateTime(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc));

        Assert.Equal("Platz für „Bewerbungstraining“ am Mittwoch, 1. Juli 2026 um 10:00 Uhr.", text);
    }

    [Fact]
    public void A_lead_time_without_words_is_an_error_rather_than_a_silent_gap()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => German.ReminderSentence("Termin", TimeSpan.FromDays(3), Now.AddDays(5)));
    }

    private static NotificationWording Wording(string language, string datePattern) => new(
        language,
        new Dictionary<ReminderKind, string>
        {
            [ReminderKind.BenefitRenewal] = "Weiterbewilligungsantrag",
            [ReminderKind.JobcenterAppointment] = "Termin im Jobcenter",
            [ReminderKind.Event] = "Veranstaltung",
        },
        "Erinnerung: {0}",
        "{0} – {1}, am {2} um {3} Uhr.",
        new Dictionary<TimeSpan, string>
        {
            [TimeSpan.FromDays(14)] = "in 14 Tagen",
            [TimeSpan.FromDays(7)] = "in 7 Tagen",
            [TimeSpan.FromDays(1)] = "in 1 Tag",
            [TimeSpan.FromHours(2)] = "in 2 Stunden",
        },
        datePattern,
        "HH:mm",
        "Neuer Beitrag",
        "Du hast einen Platz bekommen",
        "Platz für „{0}“ am {1} um {2} Uhr.");
}

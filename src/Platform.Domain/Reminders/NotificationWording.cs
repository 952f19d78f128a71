using System.Globalization;
using Platform.Domain.Common;

namespace Platform.Domain.Reminders;

/// <summary>
/// The words of the notifications (reminder, new post, a seat from the waiting list) in one language: the recipient's,
/// so that a delivery is written once, whole, in the language it goes out in (issue 14). The application reads them
/// from its resources; dates are shown in Europe/Berlin on the Gregorian calendar in the language's own format.
/// </summary>
/// <param name="Language">The language code the delivery is written in, e.g. <c>de</c> or <c>ar</c>.</param>
/// <param name="ReminderKinds">A reminder's title when the person gave none, per kind ("Termin im Jobcenter").</param>
/// <param name="ReminderTitle">"Erinnerung: {0}" ({0} the reminder's title).</param>
/// <param name="ReminderText">"{0} – {1}, am {2} um {3} Uhr." ({0} title, {1} how far ahead, {2} date, {3} time).</param>
/// <param name="LeadTimes">How far ahead, per lead time the reminders offer ("in 7 Tagen").</param>
/// <param name="DatePattern">The date's pattern, e.g. "dddd, d. MMMM yyyy".</param>
/// <param name="TimePattern">The time's pattern, e.g. "HH:mm".</param>
/// <param name="NewPostTitle">The title of the message about a new post.</param>
/// <param name="PromotionTitle">The title of the message about a seat from the waiting list.</param>
/// <param name="PromotionText">Its text ({0} the event's title, {1} date, {2} time).</param>
public sealed record NotificationWording(
    string Language,
    IReadOnlyDictionary<ReminderKind, string> ReminderKinds,
    string ReminderTitle,
    string ReminderText,
    IReadOnlyDictionary<TimeSpan, string> LeadTimes,
    string DatePattern,
    string TimePattern,
    string NewPostTitle,
    string PromotionTitle,
    string PromotionText)
{
    /// <summary>The language's culture on the Gregorian calendar (Farsi would otherwise count years in the Solar Hijri calendar).</summary>
    public CultureInfo Culture { get; } = GregorianCulture.Of(CultureInfo.GetCultureInfo(Language));

    public string Reminder(string title) => string.Format(Culture, ReminderTitle, title);

    public string ReminderSentence(string title, TimeSpan lead, DateTime dueAtUtc)
    {
        var local = BerlinTime.ToLocal(dueAtUtc);
        var ahead = LeadTimes.TryGetValue(lead, out var words)
            ? words
            : throw new ArgumentOutOfRangeException(nameof(lead), lead, "Reminders are only sent at the lead times they offer.");
        return string.Format(Culture, ReminderText, title, ahead, local.ToString(DatePattern, Culture), local.ToString(TimePattern, Culture));
    }

    public string Promotion(string eventTitle, DateTime startsAtUtc)
    {
        var local = BerlinTime.ToLocal(startsAtUtc);
        return string.Format(Culture, PromotionText, eventTitle, local.ToString(DatePattern, Culture), local.ToString(TimePattern, Culture));
    }
}

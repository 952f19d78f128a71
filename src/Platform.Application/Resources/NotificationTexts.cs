using System.Collections.Concurrent;
using Platform.Domain.Reminders;

namespace Platform.Application.Resources;

/// <summary>
/// The <see cref="NotificationWording"/> of each language, read once from <c>EmailText</c> (the <c>Notify.*</c> keys):
/// reminders, new posts and seats from the waiting list are written in the recipient's language when they are created.
/// </summary>
public static class NotificationTexts
{
    private static readonly ConcurrentDictionary<string, NotificationWording> Wordings = new(StringComparer.Ordinal);

    /// <summary>The wording of <paramref name="language"/> (normalized: an unknown or missing one is German).</summary>
    public static NotificationWording For(string? language) => Wordings.GetOrAdd(EmailText.Normalize(language), Read);

    /// <summary>"Lead.14d" or "Lead.2h": one text per lead time, because "in 2 days" declines differently in each language.</summary>
    public static string LeadKey(TimeSpan lead) =>
        lead.TotalDays >= 1 ? $"Lead.{(int)lead.TotalDays}d" : $"Lead.{(int)lead.TotalHours}h";

    private static NotificationWording Read(string language)
    {
        var culture = EmailText.Culture(language);
        string Text(string key) => EmailText.Get("Notify." + key, culture);
        return new NotificationWording(
            language,
            Enum.GetValues<ReminderKind>().ToDictionary(kind => kind, kind => Text("Kind." + kind)),
            Text("ReminderTitle"),
            Text("ReminderText"),
            Reminder.AllowedLeadTimes.ToDictionary(lead => lead, lead => Text(LeadKey(lead))),
            Text("DatePattern"),
            Text("TimePattern"),
            Text("NewPostTitle"),
            Text("PromotionTitle"),
            Text("PromotionText"));
    }
}

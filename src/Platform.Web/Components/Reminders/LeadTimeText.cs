using Platform.Web.Resources;

namespace Platform.Web.Components.Reminders;

/// <summary>How a reminder's lead times read on the pages ("1 Tag vorher, 2 Stunden vorher"), in the UI language.</summary>
public static class LeadTimeText
{
    public static string Of(IEnumerable<int> minutes) => string.Join(", ", minutes.Select(m => m switch
    {
        24 * 60 => UiText.Get("Reminders.OneDayBefore"),
        >= 24 * 60 => UiText.Format("Reminders.DaysBefore", m / (24 * 60)),
        _ => UiText.Format("Reminders.HoursBefore", m / 60),
    }));
}

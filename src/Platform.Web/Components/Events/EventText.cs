using Platform.Application.Events;
using Platform.Web.Resources;

namespace Platform.Web.Components.Events;

/// <summary>How events read on the pages: Berlin wall time (from <see cref="Domain.Common.BerlinTime"/>), in the UI language.</summary>
public static class EventText
{
    public static string When(EventSummary e)
    {
        var culture = DateDisplay.Culture;
        var pattern = UiText.Get("Date.WeekdayWithTime");
        var start = e.StartsAtLocal.ToString(pattern, culture);
        if (e.EndsAtLocal is not { } end)
        {
            return UiText.Format("Events.At", start);
        }

        return end.Date == e.StartsAtLocal.Date
            ? UiText.Format("Events.SameDay", start, end.ToString("HH:mm", culture))
            : UiText.Format("Events.OtherDay", start, end.ToString(pattern, culture));
    }

    public static string Seats(EventSummary e) => e.SeatsLeft switch
    {
        null => UiText.Get("Events.Unlimited"),
        0 => e.Waiting > 0 ? UiText.Format("Events.FullWaiting", e.Waiting) : UiText.Get("Events.FullWaitingPossible"),
        1 => UiText.Get("Events.OneSeat"),
        var n => UiText.Format("Events.Seats", n),
    };

    public static string Status(MyEventRegistration my) => my.Status == "confirmed"
        ? UiText.Get("Events.Registered")
        : UiText.Format("Events.Waiting", my.WaitingPlace);
}

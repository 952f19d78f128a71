using System.Globalization;
using Platform.Application.Events;

namespace Platform.Web.Components.Pages.Events;

/// <summary>How events read on the pages: Berlin wall time (from <see cref="Domain.Common.BerlinTime"/>), in German.</summary>
public static class EventText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string When(EventSummary e)
    {
        var start = e.StartsAtLocal.ToString("dddd, d. MMMM yyyy, HH:mm", German);
        if (e.EndsAtLocal is not { } end)
        {
            return start + " Uhr";
        }

        return end.Date == e.StartsAtLocal.Date
            ? $"{start} bis {end.ToString("HH:mm", German)} Uhr"
            : $"{start} Uhr bis {end.ToString("dddd, d. MMMM yyyy, HH:mm", German)} Uhr";
    }

    public static string Seats(EventSummary e) => e.SeatsLeft switch
    {
        null => "Ohne Platzbegrenzung",
        0 => e.Waiting > 0 ? $"Ausgebucht – {e.Waiting} auf der Warteliste" : "Ausgebucht – Warteliste möglich",
        1 => "Noch 1 Platz frei",
        var n => $"Noch {n} Plätze frei",
    };

    public static string Status(MyEventRegistration my) => my.Status == "confirmed"
        ? "Du bist angemeldet."
        : $"Du stehst auf der Warteliste, Platz {my.WaitingPlace}.";
}

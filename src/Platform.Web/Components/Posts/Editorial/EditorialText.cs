using System.Globalization;
using Platform.Application.Library;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Web.Components.Posts.Editorial;

/// <summary>German names and time formats of the editorial pages.</summary>
public static class EditorialText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Status(PostStatus status) => status switch
    {
        PostStatus.Draft => "Entwurf",
        PostStatus.InReview => "In Prüfung",
        PostStatus.Approved => "Freigegeben",
        PostStatus.Scheduled => "Geplant",
        PostStatus.Published => "Veröffentlicht",
        PostStatus.Unpublished => "Zurückgenommen",
        PostStatus.Archived => "Archiviert",
        PostStatus.Failed => "Fehlgeschlagen",
        _ => status.ToString(),
    };

    public static string Outcome(PostJobOutcome outcome) => outcome switch
    {
        PostJobOutcome.Published => "Veröffentlicht",
        PostJobOutcome.AlreadyDone => "Schon erledigt",
        PostJobOutcome.NotDue => "Noch nicht fällig",
        PostJobOutcome.Retrying => "Fehler, neuer Versuch",
        PostJobOutcome.Failed => "Fehlgeschlagen",
        PostJobOutcome.Unpublished => "Abgelaufen, zurückgenommen",
        _ => outcome.ToString(),
    };

    private static readonly string TranslationFieldPrefix = TakeOverLibraryUpdateHandler.TranslationField("");

    public static string Field(string field) => field switch
    {
        "Title" => "Titel",
        "Summary" => "Zusammenfassung",
        "BodyMarkdown" => "Text",
        "Topics" => "Themen",
        "Language" => "Sprache",
        "EasyTitle" => "Titel (Einfache Sprache)",
        "EasySummary" => "Zusammenfassung (Einfache Sprache)",
        "EasyBodyMarkdown" => "Text (Einfache Sprache)",
        "EasyReadTitle" => "Titel (Leichte Sprache)",
        "EasyReadSummary" => "Zusammenfassung (Leichte Sprache)",
        "EasyReadBodyMarkdown" => "Text (Leichte Sprache)",
        "CallToActionLabel" => "Knopf: Beschriftung",
        "CallToActionUrl" => "Knopf: Link",
        "HasCoverImage" => "Titelbild",
        "CoverImageAlt" => "Alternativtext des Titelbilds",
        "ExpiresAt" => "Läuft ab",
        "EventStartsAt" => "Veranstaltung: Beginn",
        "EventEndsAt" => "Veranstaltung: Ende",
        "EventPlace" => "Veranstaltung: Ort",
        "EventOnlineUrl" => "Veranstaltung: Online-Link",
        "EventCapacity" => "Veranstaltung: Plätze",
        _ when field.StartsWith(TranslationFieldPrefix, StringComparison.Ordinal) => $"Übersetzung ({LanguageNames.Name(field[TranslationFieldPrefix.Length..])})",
        _ => field,
    };

    /// <summary>A UTC instant as Berlin time, for example "Sa., 30.10.2027, 12:00 Uhr".</summary>
    public static string Berlin(DateTime? utc) =>
        utc is { } value ? BerlinTime.ToLocal(value).ToString("ddd, dd.MM.yyyy, HH:mm 'Uhr'", German) : "–";

    /// <summary>The value of a datetime-local field for a UTC instant, in Berlin time.</summary>
    public static string? LocalInput(DateTime? utc) =>
        utc is { } value ? BerlinTime.ToLocal(value).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : null;

    /// <summary>A datetime-local field (Berlin time) as UTC; empty is null, nonsense is an error message.</summary>
    public static bool TryParseLocal(string? input, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return true;
        }

        if (!DateTime.TryParseExact(input, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        utc = BerlinTime.ToUtc(local);
        return true;
    }
}

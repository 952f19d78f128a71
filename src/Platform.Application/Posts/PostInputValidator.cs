using System.Linq.Expressions;
using FluentValidation;
using Platform.Application.Library;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Application.Posts;

/// <summary>
/// The rules of a post's and a library item's content; messages name the field and are German. A library text may
/// also hold placeholders, but only known ones (the message names the unknown one).
/// </summary>
public sealed class PostInputValidator : AbstractValidator<PostInput>
{
    public PostInputValidator(ContentOwner owner = ContentOwner.Post)
    {
        RuleFor(p => p.Title).NotEmpty().WithMessage("Bitte gib einen Titel an.")
            .MaximumLength(200).WithMessage("Der Titel hat höchstens 200 Zeichen.");
        RuleFor(p => p.Summary).MaximumLength(500).WithMessage("Die Zusammenfassung hat höchstens 500 Zeichen.");
        RuleFor(p => p.BodyMarkdown).MaximumLength(50_000).WithMessage("Der Text hat höchstens 50.000 Zeichen.");
        RuleFor(p => p.Topics)
            .Must(t => t is { Count: > 0 }).WithMessage("Bitte wähle mindestens ein Thema.")
            // A tenant's own topics (ADR-017) are checked by the handler against the current tenant.
            .Must(t => t is null || t.All(name => TopicNames.TryParse(name, out _) || TenantTopic.IsValidSlug(name)))
            .WithMessage($"Unbekanntes Thema. Erlaubt sind: {string.Join(", ", TopicNames.All)} und die eigenen Themen des Jobcenters.");
        RuleFor(p => p.Language).Matches("^[a-z]{2}$").When(p => !string.IsNullOrEmpty(p.Language))
            .WithMessage("Die Sprache ist ein ISO-639-1-Code aus zwei Kleinbuchstaben, zum Beispiel de, en, tr.");
        RuleFor(p => p.EasyTitle).MaximumLength(200).WithMessage("Der Titel in Einfacher Sprache hat höchstens 200 Zeichen.");
        RuleFor(p => p.EasySummary).MaximumLength(500).WithMessage("Die Zusammenfassung in Einfacher Sprache hat höchstens 500 Zeichen.");
        RuleFor(p => p.EasyTitle).NotEmpty().When(p => !string.IsNullOrWhiteSpace(p.EasyBodyMarkdown) || !string.IsNullOrWhiteSpace(p.EasySummary))
            .WithMessage("Die Fassung in Einfacher Sprache braucht einen Titel.");
        RuleFor(p => p.EasyReadTitle).MaximumLength(200).WithMessage("Der Titel in Leichter Sprache hat höchstens 200 Zeichen.");
        RuleFor(p => p.EasyReadSummary).MaximumLength(500).WithMessage("Die Zusammenfassung in Leichter Sprache hat höchstens 500 Zeichen.");
        RuleFor(p => p.EasyReadTitle).NotEmpty().When(p => !string.IsNullOrWhiteSpace(p.EasyReadBodyMarkdown) || !string.IsNullOrWhiteSpace(p.EasyReadSummary))
            .WithMessage("Die Fassung in Leichter Sprache braucht einen Titel.");
        RuleFor(p => p.CallToActionLabel).MaximumLength(80).WithMessage("Die Beschriftung des Knopfs hat höchstens 80 Zeichen.")
            .NotEmpty().When(p => !string.IsNullOrWhiteSpace(p.CallToActionUrl)).WithMessage("Der Knopf braucht eine Beschriftung.");
        RuleFor(p => p.CallToActionUrl).Must(BeHttpsUrl).WithMessage("Der Link des Knopfs muss eine vollständige https-Adresse sein.")
            .NotEmpty().When(p => !string.IsNullOrWhiteSpace(p.CallToActionLabel)).WithMessage("Der Knopf braucht einen Link (https).");
        RuleFor(p => p.CoverImage)
            .Must(b => b is null || (b.Length is > 0 and <= PostImage.MaxBytes && ImageSniffer.Detect(b) is not null))
            .WithMessage($"Das Titelbild muss ein PNG- oder JPEG-Bild bis {PostImage.MaxBytes / 1024} KB sein (höchstens 4096 × 4096 Pixel).");
        RuleFor(p => p.CoverImageAlt).MaximumLength(300).WithMessage("Der Alternativtext hat höchstens 300 Zeichen.")
            .NotEmpty().When(p => p.CoverImage is not null).WithMessage("Ein Titelbild braucht einen Alternativtext, der beschreibt, was darauf zu sehen ist.");
        RuleFor(p => p.ExpiresAt).Must(BeUtc).WithMessage(UtcMessage);
        RuleFor(p => p.EventStartsAt).Must(BeUtc).WithMessage(UtcMessage)
            .NotNull().When(p => p.EventEndsAt is not null || !string.IsNullOrWhiteSpace(p.EventPlace) || !string.IsNullOrWhiteSpace(p.EventOnlineUrl) || p.EventCapacity is not null)
            .WithMessage("Eine Veranstaltung braucht einen Beginn.");
        RuleFor(p => p.EventEndsAt).Must(BeUtc).WithMessage(UtcMessage)
            .Must((p, end) => end is null || p.EventStartsAt is null || end >= p.EventStartsAt)
            .WithMessage("Das Ende liegt vor dem Beginn.");
        RuleFor(p => p.EventPlace).MaximumLength(300).WithMessage("Der Ort hat höchstens 300 Zeichen.")
            .NotEmpty().When(p => p.EventStartsAt is not null && string.IsNullOrWhiteSpace(p.EventOnlineUrl))
            .WithMessage("Eine Veranstaltung braucht einen Ort oder einen Online-Link.");
        RuleFor(p => p.EventOnlineUrl).Must(BeHttpsUrl).WithMessage("Der Online-Link muss eine vollständige https-Adresse sein.");
        RuleFor(p => p.EventCapacity).GreaterThan(0).When(p => p.EventCapacity is not null)
            .WithMessage("Die Zahl der Plätze muss größer als 0 sein.");
        if (owner == ContentOwner.LibraryItem)
        {
            Placeholders(p => p.Title);
            Placeholders(p => p.Summary);
            Placeholders(p => p.BodyMarkdown);
            Placeholders(p => p.EasyTitle);
            Placeholders(p => p.EasySummary);
            Placeholders(p => p.EasyBodyMarkdown);
            Placeholders(p => p.EasyReadTitle);
            Placeholders(p => p.EasyReadSummary);
            Placeholders(p => p.EasyReadBodyMarkdown);
            Placeholders(p => p.CallToActionLabel);
            Placeholders(p => p.EventPlace);
        }
    }

    private void Placeholders(Expression<Func<PostInput, string?>> field) => RuleFor(field).KnownPlaceholders();

    private const string UtcMessage = "Die Zeit muss in UTC angegeben sein.";

    private static bool BeUtc(DateTime? value) => value is null || value.Value.Kind == DateTimeKind.Utc;

    private static bool BeHttpsUrl(string? url) =>
        string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
}

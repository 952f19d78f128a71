using FluentValidation;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Application.Posts;

/// <summary>The rules every post input follows; messages name the field and are German.</summary>
public sealed class PostInputValidator : AbstractValidator<IPostInput>
{
    public PostInputValidator()
    {
        Include(new PostTextValidator());
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
    }

    private const string UtcMessage = "Die Zeit muss in UTC angegeben sein.";

    private static bool BeUtc(DateTime? value) => value is null || value.Value.Kind == DateTimeKind.Utc;

    private static bool BeHttpsUrl(string? url) =>
        string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
}

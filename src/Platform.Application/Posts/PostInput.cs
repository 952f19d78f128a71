using FluentValidation;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Application.Posts;

/// <summary>The texts of a post or a library item: the same fields and the same rules for both.</summary>
public interface IPostText
{
    string Title { get; }

    string? Summary { get; }

    string? BodyMarkdown { get; }

    IReadOnlyList<string>? Topics { get; }

    string? Language { get; }

    string? EasyTitle { get; }

    string? EasySummary { get; }

    string? EasyBodyMarkdown { get; }
}

/// <summary>The fields an editor sends when creating or changing a post (times in UTC).</summary>
public interface IPostInput : IPostText
{
    string? CallToActionLabel { get; }

    string? CallToActionUrl { get; }

    /// <summary>A new cover image (PNG or JPEG, base64 in JSON); null keeps the current one.</summary>
    byte[]? CoverImage { get; }

    bool RemoveCoverImage { get; }

    string? CoverImageAlt { get; }

    DateTime? ExpiresAt { get; }

    DateTime? EventStartsAt { get; }

    DateTime? EventEndsAt { get; }

    string? EventPlace { get; }

    string? EventOnlineUrl { get; }

    int? EventCapacity { get; }
}

/// <summary>The rules of the texts, for posts and library items alike; messages name the field and are German.</summary>
public sealed class PostTextValidator : AbstractValidator<IPostText>
{
    public PostTextValidator()
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
    }
}

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

public static class PostInputMapping
{
    /// <summary>The domain's content from an input; <paramref name="hasCoverImage"/> says whether an image will be there.</summary>
    /// <remarks>Topics are parsed with <paramref name="topics"/> (the tenant's set; the fixed topics when null); an unknown one is a 400 naming <c>topics</c>.</remarks>
    public static PostContent ToContent(this IPostInput input, bool hasCoverImage, Platform.Application.Posts.TopicSet? topics = null) => new()
    {
        Title = input.Title,
        Summary = input.Summary ?? "",
        BodyMarkdown = input.BodyMarkdown ?? "",
        Topics = (topics ?? Platform.Application.Posts.TopicSet.Fixed).Parse(input.Topics, nameof(IPostInput.Topics)),
        Language = string.IsNullOrWhiteSpace(input.Language) ? Post.DefaultLanguage : input.Language,
        EasyTitle = input.EasyTitle,
        EasySummary = input.EasySummary,
        EasyBodyMarkdown = input.EasyBodyMarkdown,
        CallToActionLabel = input.CallToActionLabel,
        CallToActionUrl = input.CallToActionUrl,
        CoverImageAlt = hasCoverImage ? input.CoverImageAlt : null,
        HasCoverImage = hasCoverImage,
        ExpiresAt = input.ExpiresAt,
        EventStartsAt = input.EventStartsAt,
        EventEndsAt = input.EventEndsAt,
        EventPlace = input.EventPlace,
        EventOnlineUrl = input.EventOnlineUrl,
        EventCapacity = input.EventCapacity,
    };
}

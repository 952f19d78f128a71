using FluentValidation;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

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

using System.Linq.Expressions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>What an editor writes for a translation: the post's texts in that language and, optionally, its Einfache Sprache.</summary>
public record TranslationInput
{
    public required string Title { get; init; }

    public string? Summary { get; init; }

    public string? BodyMarkdown { get; init; }

    public string? EasyTitle { get; init; }

    public string? EasySummary { get; init; }

    public string? EasyBodyMarkdown { get; init; }

    public TranslationText ToText() => new()
    {
        Title = Title,
        Summary = Summary ?? "",
        BodyMarkdown = BodyMarkdown ?? "",
        EasyTitle = EasyTitle,
        EasySummary = EasySummary,
        EasyBodyMarkdown = EasyBodyMarkdown,
    };
}

/// <summary>
/// Writes the translation of a post into one of the platform's languages: the first version, or a new one (naming the
/// version it started from; a missing or stale one is 409). Either way it is a draft that goes through review before readers see
/// it; an approved earlier version stays live meanwhile.
/// </summary>
public sealed record SaveTranslationCommand(Guid PostId, string Language, int? BaseVersion, TranslationInput Input) : ICommand<TranslationState>, ITranslationCommand;

/// <summary>A command that writes a translation: of a post, or of a library item.</summary>
public interface ITranslationCommand
{
    string Language { get; }

    TranslationInput Input { get; }
}

/// <summary>
/// The rules every translation keeps, each failure named after its field: an offered language, a title, the lengths a
/// post may hold, and a title for an Einfache Sprache; in the library, only known placeholders.
/// </summary>
public sealed class TranslationRules<T> : AbstractValidator<T>
    where T : ITranslationCommand
{
    public TranslationRules(ContentOwner owner)
    {
        RuleFor(c => c.Language).OfferedLanguage().OverridePropertyName("language");
        RuleFor(c => c.Input.Title).NotEmpty().WithMessage("Bitte gib einen Titel an.")
            .MaximumLength(200).WithMessage("Der Titel hat höchstens 200 Zeichen.").OverridePropertyName("title");
        RuleFor(c => c.Input.Summary).MaximumLength(500).WithMessage("Die Zusammenfassung hat höchstens 500 Zeichen.").OverridePropertyName("summary");
        RuleFor(c => c.Input.BodyMarkdown).MaximumLength(50_000).WithMessage("Der Text hat höchstens 50.000 Zeichen.").OverridePropertyName("bodyMarkdown");
        RuleFor(c => c.Input.EasyTitle).MaximumLength(200).WithMessage("Der Titel in Einfacher Sprache hat höchstens 200 Zeichen.").OverridePropertyName("easyTitle");
        RuleFor(c => c.Input.EasySummary).MaximumLength(500).WithMessage("Die Zusammenfassung in Einfacher Sprache hat höchstens 500 Zeichen.").OverridePropertyName("easySummary");
        RuleFor(c => c.Input.EasyTitle).NotEmpty()
            .When(c => !string.IsNullOrWhiteSpace(c.Input.EasyBodyMarkdown) || !string.IsNullOrWhiteSpace(c.Input.EasySummary))
            .WithMessage("Die Fassung in Einfacher Sprache braucht einen Titel.").OverridePropertyName("easyTitle");
        if (owner == ContentOwner.LibraryItem)
        {
            Placeholders(c => c.Input.Title, "title");
            Placeholders(c => c.Input.Summary, "summary");
            Placeholders(c => c.Input.BodyMarkdown, "bodyMarkdown");
            Placeholders(c => c.Input.EasyTitle, "easyTitle");
            Placeholders(c => c.Input.EasySummary, "easySummary");
            Placeholders(c => c.Input.EasyBodyMarkdown, "easyBodyMarkdown");
        }
    }

    private void Placeholders(Expression<Func<T, string?>> field, string name) =>
        RuleFor(field).KnownPlaceholders().OverridePropertyName(name);
}

public sealed class SaveTranslationValidator : AbstractValidator<SaveTranslationCommand>
{
    public SaveTranslationValidator()
    {
        RuleFor(c => c.PostId).NotEmpty();
        Include(new TranslationRules<SaveTranslationCommand>(ContentOwner.Post));
    }
}

public sealed class SaveTranslationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SaveTranslationCommand, TranslationState>
{
    public async ValueTask<TranslationState> Handle(SaveTranslationCommand command, CancellationToken cancellationToken)
    {
        var language = TranslationWorkflow.LanguageCode(command.Language);
        var post = await db.LoadPostAsync(command.PostId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var translation = await db.PostTranslations
            .FirstOrDefaultAsync(t => t.PostId == post.Id && t.Language == language, cancellationToken);
        var created = translation is null;
        if (translation is null)
        {
            translation = PostTranslation.Create(post, language, command.Input.ToText(), user.Actor(), now);
            db.PostTranslations.Add(translation);
        }
        else
        {
            translation.Edit(command.Input.ToText(), command.BaseVersion ?? 0, user.Actor(), now);
        }

        try
        {
            return await db.CommitAsync(translation, "translation.saved", user, clock, liveChanged: false, cancellationToken);
        }
        catch (DbUpdateException) when (created)
        {
            // Someone else created this language's translation in the same moment (the unique index on post and language).
            throw new ConflictException("Jemand hat diese Übersetzung gerade angelegt. Lade die Seite neu und übernimm deinen Text in die neue Fassung.");
        }
    }
}

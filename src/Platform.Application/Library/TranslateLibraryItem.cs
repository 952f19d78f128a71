using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// A NetworkEditor writes the translation of a library item into one of the platform's languages (issue 14): a new
/// version of the item with that translation, based on <see cref="BaseVersion"/> (a stale one is 409), reviewed with
/// the rest of the version before the jobcenters see it.
/// </summary>
public sealed record TranslateLibraryItemCommand(Guid ItemId, string Language, int BaseVersion, TranslationInput Input)
    : ICommand<LibraryItemState>, ITranslationCommand;

/// <summary>Removes a translation from a library item: a new version without it.</summary>
public sealed record RemoveLibraryTranslationCommand(Guid ItemId, string Language, int BaseVersion) : ICommand<LibraryItemState>;

public sealed class TranslateLibraryItemValidator : AbstractValidator<TranslateLibraryItemCommand>
{
    public TranslateLibraryItemValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty();
        RuleFor(c => c.BaseVersion).GreaterThan(0).WithMessage("Bitte gib die Version an, von der deine Änderung ausgeht.");
        Include(new TranslationRules<TranslateLibraryItemCommand>(ContentOwner.LibraryItem));
    }
}

public sealed class RemoveLibraryTranslationValidator : AbstractValidator<RemoveLibraryTranslationCommand>
{
    public RemoveLibraryTranslationValidator()
    {
        RuleFor(c => c.ItemId).NotEmpty();
        RuleFor(c => c.Language).OfferedLanguage().OverridePropertyName("language");
        RuleFor(c => c.BaseVersion).GreaterThan(0).WithMessage("Bitte gib die Version an, von der deine Änderung ausgeht.");
    }
}

public sealed class TranslateLibraryItemHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<TranslateLibraryItemCommand, LibraryItemState>, ICommandHandler<RemoveLibraryTranslationCommand, LibraryItemState>
{
    public ValueTask<LibraryItemState> Handle(TranslateLibraryItemCommand command, CancellationToken cancellationToken) =>
        TranslateAsync(command.ItemId, command.Language, command.Input.ToText(), command.BaseVersion, cancellationToken);

    public ValueTask<LibraryItemState> Handle(RemoveLibraryTranslationCommand command, CancellationToken cancellationToken) =>
        TranslateAsync(command.ItemId, command.Language, null, command.BaseVersion, cancellationToken);

    private async ValueTask<LibraryItemState> TranslateAsync(Guid itemId, string language, TranslationText? text, int baseVersion, CancellationToken cancellationToken)
    {
        user.RequireNetworkEditor();
        var item = await db.LoadLibraryItemAsync(itemId, cancellationToken);
        var code = TranslationWorkflow.LanguageCode(language);
        if (text is null && !item.Latest.Translations.ContainsKey(code))
        {
            throw new NotFoundException("Übersetzung", $"{itemId}/{code}");
        }

        item.Translate(code, text, baseVersion, user.Actor(), clock.GetUtcNow().UtcDateTime);
        await db.SaveLibraryAsync(cancellationToken);
        return item.State();
    }
}

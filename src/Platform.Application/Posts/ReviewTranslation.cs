using FluentValidation;
using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>The author hands the translation's newest version in for review.</summary>
public sealed record SubmitTranslationCommand(Guid PostId, string Language) : ICommand<TranslationState>;

/// <summary>
/// A reviewer approves the version in review: readers see it from now on (while the post is published), and search
/// finds the post through it. Under the four-eyes rule a Reviewer or TenantAdmin other than its author.
/// </summary>
public sealed record ApproveTranslationCommand(Guid PostId, string Language) : ICommand<TranslationState>;

/// <summary>A reviewer sends the version in review back to its author, saying why.</summary>
public sealed record ReturnTranslationCommand(Guid PostId, string Language, string Comment) : ICommand<TranslationState>;

/// <summary>Removes the translation with all its versions; readers see the post in its own language again.</summary>
public sealed record DeleteTranslationCommand(Guid PostId, string Language) : ICommand<TranslationState>;

public sealed class SubmitTranslationValidator : AbstractValidator<SubmitTranslationCommand>
{
    public SubmitTranslationValidator() => RuleFor(c => c.Language).OfferedLanguage().OverridePropertyName("language");
}

public sealed class ApproveTranslationValidator : AbstractValidator<ApproveTranslationCommand>
{
    public ApproveTranslationValidator() => RuleFor(c => c.Language).OfferedLanguage().OverridePropertyName("language");
}

public sealed class ReturnTranslationValidator : AbstractValidator<ReturnTranslationCommand>
{
    public ReturnTranslationValidator()
    {
        RuleFor(c => c.Language).OfferedLanguage().OverridePropertyName("language");
        RuleFor(c => c.Comment).NotEmpty().WithMessage("Bitte schreibe einen Kommentar, warum die Übersetzung zurückgeht.")
            .MaximumLength(2000).WithMessage("Der Kommentar hat höchstens 2.000 Zeichen.").OverridePropertyName("comment");
    }
}

public sealed class DeleteTranslationValidator : AbstractValidator<DeleteTranslationCommand>
{
    public DeleteTranslationValidator() => RuleFor(c => c.Language).OfferedLanguage().OverridePropertyName("language");
}

public sealed class SubmitTranslationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitTranslationCommand, TranslationState>
{
    public async ValueTask<TranslationState> Handle(SubmitTranslationCommand command, CancellationToken cancellationToken)
    {
        var translation = await db.LoadTranslationAsync(command.PostId, TranslationWorkflow.LanguageCode(command.Language), cancellationToken);
        translation.SubmitForReview(clock.GetUtcNow().UtcDateTime);
        return await db.CommitAsync(translation, "translation.submitted", user, clock, liveChanged: false, cancellationToken);
    }
}

public sealed class ApproveTranslationHandler(IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ApproveTranslationCommand, TranslationState>
{
    public async ValueTask<TranslationState> Handle(ApproveTranslationCommand command, CancellationToken cancellationToken)
    {
        var rule = await db.FourEyesRuleAsync(tenant, cancellationToken);
        user.RequireReviewer(rule);
        var translation = await db.LoadTranslationAsync(command.PostId, TranslationWorkflow.LanguageCode(command.Language), cancellationToken);
        translation.Approve(user.Actor(), clock.GetUtcNow().UtcDateTime, rule);
        return await db.CommitAsync(translation, "translation.approved", user, clock, liveChanged: true, cancellationToken);
    }
}

public sealed class ReturnTranslationHandler(IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReturnTranslationCommand, TranslationState>
{
    public async ValueTask<TranslationState> Handle(ReturnTranslationCommand command, CancellationToken cancellationToken)
    {
        user.RequireReviewer(await db.FourEyesRuleAsync(tenant, cancellationToken));
        var translation = await db.LoadTranslationAsync(command.PostId, TranslationWorkflow.LanguageCode(command.Language), cancellationToken);
        translation.ReturnToAuthor(command.Comment, clock.GetUtcNow().UtcDateTime);
        return await db.CommitAsync(translation, "translation.returned", user, clock, liveChanged: false, cancellationToken);
    }
}

public sealed class DeleteTranslationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<DeleteTranslationCommand, TranslationState>
{
    public async ValueTask<TranslationState> Handle(DeleteTranslationCommand command, CancellationToken cancellationToken)
    {
        var translation = await db.LoadTranslationAsync(command.PostId, TranslationWorkflow.LanguageCode(command.Language), cancellationToken);
        db.PostTranslations.Remove(translation);
        return await db.CommitAsync(translation, "translation.deleted", user, clock, liveChanged: true, cancellationToken, removed: true);
    }
}

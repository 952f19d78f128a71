using FluentValidation;
using Mediator;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Common;
using Platform.Domain.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// Takes over the newest published version: fields the jobcenter did not change get the new text; fields it changed keep
/// its text, and where the library changed them too they are reported as conflicts.
/// </summary>
public sealed record TakeOverLibraryUpdateCommand(Guid AdoptionId) : ICommand<TakeOverResult>;

public sealed record TakeOverResult(Guid PostId, int AdoptedVersion, IReadOnlyList<string> Updated, IReadOnlyList<string> Conflicts, PostState Post);

public sealed class TakeOverLibraryUpdateValidator : AbstractValidator<TakeOverLibraryUpdateCommand>
{
    public TakeOverLibraryUpdateValidator() => RuleFor(c => c.AdoptionId).NotEmpty();
}

public sealed class TakeOverLibraryUpdateHandler(
    IAppDbContext db, ICurrentTenant tenant, ICurrentUser user, TimeProvider clock, IPostPublicationScheduler scheduler)
    : ICommandHandler<TakeOverLibraryUpdateCommand, TakeOverResult>
{
    public async ValueTask<TakeOverResult> Handle(TakeOverLibraryUpdateCommand command, CancellationToken cancellationToken)
    {
        var (adoption, published) = await LibraryAdoptionSteps.LoadAsync(db, command.AdoptionId, tracked: true, cancellationToken);
        if (published <= adoption.AdoptedVersion)
        {
            throw new DomainException("library.noUpdate", "Es gibt keine neuere Version in der Bibliothek.");
        }

        var post = await db.LoadPostAsync(adoption.PostId, cancellationToken);
        var theirs = LibraryPlaceholders.Fill(
            (await db.LoadVersionAsync(adoption.LibraryItemId, published, cancellationToken)).Content,
            await db.PlaceholderValuesAsync(tenant, cancellationToken));
        var (merged, updated, conflicts) = PostContent.Merge(adoption.Base, post.Content, theirs);
        var now = clock.GetUtcNow().UtcDateTime;
        if (updated.Count > 0)
        {
            post.Edit(merged, post.ContentVersion, user.Actor(), now);
        }

        adoption.TookOver(published, theirs, now);
        await AdoptLibraryItemHandler.TrackUsageAsync(db, adoption.LibraryItemId, adoption.TenantId, published, now, cancellationToken);
        var state = await db.CommitAsync(post, "library.updateTakenOver", user, clock, scheduler, cancellationToken);
        return new TakeOverResult(post.Id, published, updated, conflicts, state);
    }
}

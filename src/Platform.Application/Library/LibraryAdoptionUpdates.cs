using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Common;
using Platform.Domain.Library;

namespace Platform.Application.Library;

/// <summary>The diff between the version this jobcenter adopted and the library's newest published one, both filled with its data.</summary>
public sealed record DiffLibraryAdoptionQuery(Guid AdoptionId) : IQuery<PostVersionDiff>;

/// <summary>
/// Takes over the newest published version: fields the jobcenter did not change get the new text; fields it changed keep
/// its text, and where the library changed them too they are reported as conflicts.
/// </summary>
public sealed record TakeOverLibraryUpdateCommand(Guid AdoptionId) : ICommand<TakeOverResult>;

/// <summary>Keeps the jobcenter's own text and marks the newest published version as seen.</summary>
public sealed record KeepOwnLibraryTextCommand(Guid AdoptionId) : ICommand<AdoptionState>;

public sealed record TakeOverResult(Guid PostId, int AdoptedVersion, IReadOnlyList<string> Updated, IReadOnlyList<string> Conflicts, PostState Post);

public sealed class DiffLibraryAdoptionValidator : AbstractValidator<DiffLibraryAdoptionQuery>
{
    public DiffLibraryAdoptionValidator() => RuleFor(c => c.AdoptionId).NotEmpty();
}

public sealed class TakeOverLibraryUpdateValidator : AbstractValidator<TakeOverLibraryUpdateCommand>
{
    public TakeOverLibraryUpdateValidator() => RuleFor(c => c.AdoptionId).NotEmpty();
}

public sealed class KeepOwnLibraryTextValidator : AbstractValidator<KeepOwnLibraryTextCommand>
{
    public KeepOwnLibraryTextValidator() => RuleFor(c => c.AdoptionId).NotEmpty();
}

public sealed class DiffLibraryAdoptionHandler(IAppDbContext db, ICurrentTenant tenant) : IQueryHandler<DiffLibraryAdoptionQuery, PostVersionDiff>
{
    public async ValueTask<PostVersionDiff> Handle(DiffLibraryAdoptionQuery query, CancellationToken cancellationToken)
    {
        var (adoption, published) = await LibraryAdoptionSteps.LoadAsync(db, query.AdoptionId, tracked: false, cancellationToken);
        var values = await db.PlaceholderValuesAsync(tenant, cancellationToken);
        var from = LibraryPlaceholders.Fill((await db.LoadVersionAsync(adoption.LibraryItemId, adoption.AdoptedVersion, cancellationToken)).Content, values);
        var to = LibraryPlaceholders.Fill((await db.LoadVersionAsync(adoption.LibraryItemId, published, cancellationToken)).Content, values);
        return new PostVersionDiff(adoption.AdoptedVersion, published, DiffPostVersionsHandler.Diff(from, to));
    }
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
        var (merged, updated, conflicts) = LibraryAdoption.Merge(adoption.Base, post.Content, theirs);
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

public sealed class KeepOwnLibraryTextHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<KeepOwnLibraryTextCommand, AdoptionState>
{
    public async ValueTask<AdoptionState> Handle(KeepOwnLibraryTextCommand command, CancellationToken cancellationToken)
    {
        var (adoption, published) = await LibraryAdoptionSteps.LoadAsync(db, command.AdoptionId, tracked: true, cancellationToken);
        adoption.KeptOwn(published, clock.GetUtcNow().UtcDateTime);
        await db.SaveLibraryAsync(cancellationToken);
        var status = await db.Posts.Where(p => p.Id == adoption.PostId).Select(p => p.Status).SingleAsync(cancellationToken);
        return new AdoptionState(adoption.Id, adoption.PostId, adoption.AdoptedVersion, status);
    }
}

internal static class LibraryAdoptionSteps
{
    /// <summary>This jobcenter's adoption (another's is 404) and the item's newest published version.</summary>
    public static async Task<(LibraryAdoption Adoption, int Published)> LoadAsync(IAppDbContext db, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var adoptions = tracked ? db.LibraryAdoptions : db.LibraryAdoptions.AsNoTracking();
        var adoption = await adoptions.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("Übernahme", id);
        var published = await db.LibraryItems.Where(i => i.Id == adoption.LibraryItemId).Select(i => i.PublishedVersion).SingleAsync(cancellationToken);
        return (adoption, published ?? adoption.AdoptedVersion);
    }
}

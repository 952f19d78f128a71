using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// The signed-in person puts a published post of their jobcenter on their "Merkliste". Idempotent: a post already on
/// it stays as it is. Another jobcenter's post, or one not published, is not found (404).
/// </summary>
public sealed record BookmarkPostCommand(Guid PostId) : ICommand<BookmarkState>;

/// <remarks><paramref name="BookmarkedAt"/>: when the post was put on the list; null when it is not on it.</remarks>
public sealed record BookmarkState(Guid PostId, bool Bookmarked, DateTime? BookmarkedAt);

public sealed class BookmarkPostValidator : AbstractValidator<BookmarkPostCommand>
{
    public BookmarkPostValidator()
    {
        RuleFor(c => c.PostId).NotEmpty().WithMessage(_ => ValidationMessages.Get("Posts.IdMissing")).OverridePropertyName("postId");
    }
}

public sealed class BookmarkPostHandler(IAppDbContext db, ICurrentUser user, ICurrentTenant tenant, TimeProvider clock)
    : ICommandHandler<BookmarkPostCommand, BookmarkState>
{
    public async ValueTask<BookmarkState> Handle(BookmarkPostCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        if (!await db.Posts.AnyAsync(p => p.Id == command.PostId && p.Status == PostStatus.Published, cancellationToken))
        {
            throw new NotFoundException("Beitrag", command.PostId);
        }

        if (await BookmarkQueries.FindAsync(db, userId, command.PostId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var bookmark = Bookmark.Create(tenant.RequiredId, userId, command.PostId, clock.GetUtcNow().UtcDateTime);
        db.Bookmarks.Add(bookmark);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second tap in another tab got there first: the post is on the list, which is all this asked for.
        }
        finally
        {
            ((DbContext)db).Entry(bookmark).State = EntityState.Detached;
        }

        return await BookmarkQueries.FindAsync(db, userId, command.PostId, cancellationToken)
            ?? throw new NotFoundException("Beitrag", command.PostId);
    }
}

internal static class BookmarkQueries
{
    public static Task<BookmarkState?> FindAsync(IAppDbContext db, Guid userId, Guid postId, CancellationToken cancellationToken) =>
        db.Bookmarks.AsNoTracking()
            .Where(b => b.UserId == userId && b.PostId == postId)
            .Select(b => new BookmarkState(b.PostId, true, b.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);
}

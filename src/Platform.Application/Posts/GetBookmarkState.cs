using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>Whether the signed-in person has bookmarked a post (the post page's button).</summary>
public sealed record GetBookmarkStateQuery(Guid PostId) : IQuery<BookmarkState>;

public sealed class GetBookmarkStateHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetBookmarkStateQuery, BookmarkState>
{
    public async ValueTask<BookmarkState> Handle(GetBookmarkStateQuery query, CancellationToken cancellationToken) =>
        await BookmarkQueries.FindAsync(db, user.RequiredId, query.PostId, cancellationToken)
        ?? new BookmarkState(query.PostId, false, null);
}

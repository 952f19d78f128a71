using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// The signed-in person's "Merkliste", last bookmarked first. A post that is no longer published drops out of the list
/// (its bookmark stays and shows again when the post comes back).
/// </summary>
public sealed record ListBookmarksQuery : IQuery<IReadOnlyList<BookmarkedPost>>;

public sealed record BookmarkedPost(Guid PostId, string Title, string Summary, IReadOnlyList<string> Topics, DateTime PublishedAt, DateTime BookmarkedAt);

public sealed class ListBookmarksHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<ListBookmarksQuery, IReadOnlyList<BookmarkedPost>>
{
    public async ValueTask<IReadOnlyList<BookmarkedPost>> Handle(ListBookmarksQuery query, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var rows = await (
                from b in db.Bookmarks.AsNoTracking()
                join p in db.Posts.AsNoTracking() on b.PostId equals p.Id
                where b.UserId == userId && p.Status == PostStatus.Published
                orderby b.CreatedAt descending
                select new { p.Id, p.Content.Title, p.Content.Summary, p.Content.Topics, p.PublishedAt, b.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new BookmarkedPost(r.Id, r.Title, r.Summary, TopicNames.ToNames(r.Topics), r.PublishedAt!.Value, r.CreatedAt))];
    }
}

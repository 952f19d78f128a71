using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>The links the editors pinned to the jobcenter's link page (<c>/links</c>), in their order.</summary>
public sealed record ListPinnedLinksQuery : IQuery<PinnedLinkList>;

/// <summary>The pinned links in their order, as <c>GET</c> returns and <c>PUT</c> takes them.</summary>
public sealed record PinnedLinkList(IReadOnlyList<PinnedLinkItem> Items);

/// <summary>
/// One pinned link. <paramref name="PostId"/> for a post or an event, <paramref name="Url"/> for an external link
/// (<c>https://</c> only); the contact page needs neither.
/// </summary>
public sealed record PinnedLinkItem(PinnedLinkKind Kind, string Label, Guid? PostId = null, string? Url = null);

public sealed class ListPinnedLinksHandler(IAppDbContext db) : IQueryHandler<ListPinnedLinksQuery, PinnedLinkList>
{
    public async ValueTask<PinnedLinkList> Handle(ListPinnedLinksQuery query, CancellationToken cancellationToken) =>
        new(await db.PinnedLinks.AsNoTracking()
            .OrderBy(l => l.Position)
            .Select(l => new PinnedLinkItem(l.Kind, l.Label, l.PostId, l.Kind == PinnedLinkKind.External ? l.Url : null))
            .ToListAsync(cancellationToken));
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Events;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// What the jobcenter's link page (<c>/links</c>) shows: the pinned links whose target is live (a post or event that is
/// no longer published is skipped), then the next <see cref="EventCount"/> events.
/// </summary>
public sealed record GetLinkInBioQuery : IQuery<LinkInBio>
{
    public const int EventCount = 3;
}

public sealed record LinkInBio(IReadOnlyList<LinkInBioLink> Pinned, IReadOnlyList<LinkInBioEvent> Events);

/// <summary>
/// A pinned link as the page shows it: <paramref name="Path"/> is inside the tenant (<c>posts/{id}</c>,
/// <c>kontakt</c>), <paramref name="ExternalUrl"/> is an <c>https://</c> address of the jobcenter's own.
/// </summary>
public sealed record LinkInBioLink(PinnedLinkKind Kind, string Label, string? Path, string? ExternalUrl);

/// <summary>An upcoming event; <c>StartsAtLocal</c> is the Berlin wall time of <c>StartsAt</c> (UTC).</summary>
public sealed record LinkInBioEvent(Guid Id, string Title, DateTime StartsAt, [property: LocalDateTime] DateTime StartsAtLocal);

public sealed class GetLinkInBioHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetLinkInBioQuery, LinkInBio>
{
    public async ValueTask<LinkInBio> Handle(GetLinkInBioQuery query, CancellationToken cancellationToken)
    {
        var pins = await db.PinnedLinks.AsNoTracking().OrderBy(l => l.Position).ToListAsync(cancellationToken);
        var ids = pins.Where(p => p.PostId is not null).Select(p => p.PostId!.Value).ToList();
        var published = ids.Count == 0
            ? []
            : await db.Posts.AsNoTracking()
                .Where(p => ids.Contains(p.Id) && p.Status == PostStatus.Published)
                .Select(p => p.Id)
                .ToHashSetAsync(cancellationToken);
        var links = pins
            .Where(p => p.PostId is not { } id || published.Contains(id))
            .Select(p => p.Kind switch
            {
                PinnedLinkKind.External => new LinkInBioLink(p.Kind, p.Label, null, p.Url),
                PinnedLinkKind.Contact => new LinkInBioLink(p.Kind, p.Label, "kontakt", null),
                _ => new LinkInBioLink(p.Kind, p.Label, $"posts/{p.PostId}", null),
            })
            .ToList();

        var upcoming = await EventQueries.UpcomingAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var events = upcoming.Take(GetLinkInBioQuery.EventCount)
            .Select(e => new LinkInBioEvent(e.Id, e.Title, e.StartsAt!.Value, BerlinTime.ToLocal(e.StartsAt.Value)))
            .ToList();
        return new LinkInBio(links, events);
    }
}

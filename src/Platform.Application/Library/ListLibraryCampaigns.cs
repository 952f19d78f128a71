using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Library;

/// <summary>
/// The campaigns of the library, soonest first, each with the current jobcenter's own participation (its post and the
/// date it agreed to). NetworkEditors also see which jobcenters take part and the state of their posts, never their text.
/// </summary>
public sealed record ListLibraryCampaignsQuery(bool IncludePast = false) : IQuery<IReadOnlyList<CampaignView>>;

public sealed record CampaignView(
    Guid Id,
    Guid LibraryItemId,
    string ItemTitle,
    string Title,
    string? Note,
    DateTime PublishAt,
    DateTime PublishAtBerlin,
    CampaignOptInView? OptIn,
    IReadOnlyList<CampaignParticipantView>? Participants);

/// <remarks><paramref name="DateChanged"/>: the campaign moved after this jobcenter opted in; opting in again follows the new date.</remarks>
public sealed record CampaignOptInView(Guid PostId, string PostTitle, PostStatus PostStatus, DateTime PublishAt, DateTime? ScheduledFor, bool DateChanged);

public sealed record CampaignParticipantView(Guid TenantId, string Tenant, PostStatus PostStatus, DateTime? PublishAt);

public sealed class ListLibraryCampaignsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListLibraryCampaignsQuery, IReadOnlyList<CampaignView>>
{
    public async ValueTask<IReadOnlyList<CampaignView>> Handle(ListLibraryCampaignsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = query.IncludePast ? DateTime.MinValue : now.AddDays(-30);
        var campaigns = await db.LibraryCampaigns.AsNoTracking()
            .Where(c => c.PublishAt >= from)
            .OrderBy(c => c.PublishAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Id).ToList();
        var itemIds = campaigns.Select(c => c.LibraryItemId).Distinct().ToList();
        var titles = await db.LibraryItems.AsNoTracking()
            .Where(i => itemIds.Contains(i.Id) && i.PublishedVersion != null)
            .Join(db.LibraryItemVersions.AsNoTracking(), i => new { i.Id, Number = i.PublishedVersion!.Value }, v => new { Id = v.LibraryItemId, v.Number }, (i, v) => new { i.Id, v.Content.Title })
            .ToDictionaryAsync(x => x.Id, x => x.Title, cancellationToken);

        // The tenant's own opt-ins, through the tenant filter: another jobcenter's never show up here.
        var own = (await db.LibraryCampaignOptIns.AsNoTracking()
            .Where(o => ids.Contains(o.CampaignId))
            .Join(db.Posts.AsNoTracking(), o => o.PostId, p => p.Id, (o, p) => new { o, p.Content.Title, p.Status, p.PublishAt })
            .ToListAsync(cancellationToken))
            .ToDictionary(x => x.o.CampaignId);

        ILookup<Guid, CampaignParticipantView>? participants = null;
        if (user.IsNetworkEditor())
        {
            participants = (await db.LibraryCampaignParticipations.AsNoTracking()
                .Where(p => ids.Contains(p.CampaignId))
                .Join(db.Tenants.AsNoTracking(), p => p.TenantId, t => t.Id, (p, t) => new { p.CampaignId, View = new CampaignParticipantView(t.Id, t.DisplayName, p.PostStatus, p.PublishAt) })
                .ToListAsync(cancellationToken))
                .OrderBy(x => x.View.Tenant, StringComparer.CurrentCulture)
                .ToLookup(x => x.CampaignId, x => x.View);
        }

        return [.. campaigns.Select(c => new CampaignView(
            c.Id,
            c.LibraryItemId,
            titles.GetValueOrDefault(c.LibraryItemId, ""),
            c.Title,
            c.Note,
            c.PublishAt,
            BerlinTime.ToLocal(c.PublishAt),
            own.TryGetValue(c.Id, out var mine)
                ? new CampaignOptInView(mine.o.PostId, mine.Title, mine.Status, mine.o.PublishAt, mine.Status == PostStatus.Scheduled ? mine.PublishAt : null, mine.o.PublishAt != c.PublishAt)
                : null,
            participants is null ? null : [.. participants[c.Id]]))];
    }
}

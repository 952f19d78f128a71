using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Events;
using Platform.Domain.Posts;

namespace Platform.Application.Events;

/// <summary>The answer to a registration or a cancellation.</summary>
public sealed record RegistrationResult(Guid PostId, string Status, int? WaitingPlace, Guid? PromotedUserId);

internal sealed record EventRow(
    Guid Id, string Title, string Summary, DateTime? StartsAt, DateTime? EndsAt, string? Place, string? OnlineUrl, int? Capacity, DateTime? PublishedAt);

internal static class EventQueries
{
    public static string StatusName(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "confirmed",
        RegistrationStatus.Waitlisted => "waitlisted",
        _ => "cancelled",
    };

    /// <summary>Published event posts of the current tenant that have not ended; ordered by start.</summary>
    public static async Task<List<EventRow>> UpcomingAsync(IAppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        // A rough cut in the database (started at most a day ago), the exact one here: ongoing events still count.
        var from = now.AddDays(-1);
        var rows = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.Content.EventStartsAt != null && p.Content.EventStartsAt >= from)
            .Select(p => new EventRow(p.Id, p.Content.Title, p.Content.Summary, p.Content.EventStartsAt, p.Content.EventEndsAt, p.Content.EventPlace, p.Content.EventOnlineUrl, p.Content.EventCapacity, p.PublishedAt))
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => (r.EndsAt ?? r.StartsAt!.Value) >= now).OrderBy(r => r.StartsAt).ThenBy(r => r.Id)];
    }

    public static async Task<EventRow> PublishedEventAsync(IAppDbContext db, Guid postId, CancellationToken cancellationToken) =>
        await db.Posts.AsNoTracking()
            .Where(p => p.Id == postId && p.Status == PostStatus.Published && p.Content.EventStartsAt != null)
            .Select(p => new EventRow(p.Id, p.Content.Title, p.Content.Summary, p.Content.EventStartsAt, p.Content.EventEndsAt, p.Content.EventPlace, p.Content.EventOnlineUrl, p.Content.EventCapacity, p.PublishedAt))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Veranstaltung", postId);

    public static async Task<IReadOnlyList<EventSummary>> SummariesAsync(
        IAppDbContext db, IReadOnlyList<EventRow> events, Guid? userId, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Id).ToList();
        var counts = await db.EventRegistrations.AsNoTracking()
            .Where(r => ids.Contains(r.PostId) && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => new { r.PostId, r.Status })
            .Select(g => new { g.Key.PostId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var mine = new Dictionary<Guid, MyEventRegistration>();
        if (userId is { } uid)
        {
            var registrations = await db.EventRegistrations.AsNoTracking()
                .Where(r => ids.Contains(r.PostId) && r.UserId == uid && r.Status != RegistrationStatus.Cancelled)
                .ToListAsync(cancellationToken);
            foreach (var r in registrations)
            {
                mine[r.PostId] = await MineAsync(db, r, cancellationToken);
            }
        }

        return [.. events.Select(e =>
        {
            var confirmed = counts.Where(c => c.PostId == e.Id && c.Status == RegistrationStatus.Confirmed).Sum(c => c.Count);
            var waiting = counts.Where(c => c.PostId == e.Id && c.Status == RegistrationStatus.Waitlisted).Sum(c => c.Count);
            return new EventSummary(
                e.Id,
                e.Title,
                e.Summary,
                e.StartsAt!.Value,
                e.EndsAt,
                BerlinTime.ToLocal(e.StartsAt.Value),
                e.EndsAt is { } end ? BerlinTime.ToLocal(end) : null,
                e.Place,
                e.OnlineUrl,
                e.Capacity,
                confirmed,
                waiting,
                e.Capacity is { } capacity ? Math.Max(0, capacity - confirmed) : null,
                mine.GetValueOrDefault(e.Id));
        })];
    }

    public static async Task<MyEventRegistration> MineAsync(IAppDbContext db, EventRegistration r, CancellationToken cancellationToken)
    {
        int? place = null;
        if (r.Status == RegistrationStatus.Waitlisted)
        {
            place = 1 + await db.EventRegistrations.CountAsync(
                o => o.PostId == r.PostId && o.Status == RegistrationStatus.Waitlisted && o.Position < r.Position, cancellationToken);
        }

        return new MyEventRegistration(r.Id, StatusName(r.Status), place, r.UpdatedAt);
    }
}

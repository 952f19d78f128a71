using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>The signed-in person's reminders, next date first (past ones from the last 30 days included).</summary>
public sealed record ListRemindersQuery : IQuery<IReadOnlyList<ReminderSummary>>;

public sealed class ListRemindersHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListRemindersQuery, IReadOnlyList<ReminderSummary>>
{
    public async ValueTask<IReadOnlyList<ReminderSummary>> Handle(ListRemindersQuery query, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var reminders = await db.Reminders.AsNoTracking()
            .Where(r => r.UserId == userId && r.DueAt >= since)
            .OrderBy(r => r.DueAt)
            .Take(200)
            .ToListAsync(cancellationToken);
        var ids = reminders.Select(r => r.Id).ToList();
        var pending = await db.ReminderDeliveries.AsNoTracking()
            .Where(d => d.ReminderId != null && ids.Contains(d.ReminderId.Value) && d.Status == DeliveryStatus.Pending)
            .GroupBy(d => d.ReminderId)
            .Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        return [.. reminders.Select(r => ReminderViews.Summary(r, pending.GetValueOrDefault(r.Id)))];
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Reminders;

/// <summary>The signed-in person's notification centre, newest first.</summary>
public sealed record GetNotificationsQuery(int Take = 50) : IQuery<NotificationCenter>;

public sealed record NotificationCenter(int Unread, IReadOnlyList<NotificationItem> Items);

public sealed class GetNotificationsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetNotificationsQuery, NotificationCenter>
{
    public async ValueTask<NotificationCenter> Handle(GetNotificationsQuery query, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var take = Math.Clamp(query.Take, 1, 200);
        var items = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt)
            .Take(take)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
        return new NotificationCenter(unread, items);
    }
}

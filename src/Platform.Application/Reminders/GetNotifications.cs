using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Reminders;

/// <summary>The signed-in person's notification centre, newest first.</summary>
public sealed record GetNotificationsQuery(int Take = 50) : IQuery<NotificationCenter>;

public sealed record NotificationItem(Guid Id, string Title, string Text, string Link, DateTime CreatedAt, bool Read);

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

/// <summary>Marks one notification (or, without an id, all of them) as read.</summary>
public sealed record MarkNotificationsReadCommand(Guid? NotificationId) : ICommand;

public sealed class MarkNotificationsReadHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<MarkNotificationsReadCommand>
{
    public async ValueTask<Unit> Handle(MarkNotificationsReadCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var now = clock.GetUtcNow().UtcDateTime;
        if (command.NotificationId is { } id)
        {
            var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken)
                ?? throw new NotFoundException("Benachrichtigung", id);
            notification.MarkRead(now);
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        }

        return Unit.Value;
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Reminders;

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

using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Reminders;

/// <summary>Deletes one of the signed-in person's reminders with its pending messages.</summary>
public sealed record DeleteReminderCommand(Guid ReminderId) : ICommand;

public sealed class DeleteReminderHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<DeleteReminderCommand>
{
    public async ValueTask<Unit> Handle(DeleteReminderCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var reminder = await db.Reminders.FirstOrDefaultAsync(r => r.Id == command.ReminderId && r.UserId == userId, cancellationToken)
            ?? throw new NotFoundException("Erinnerung", command.ReminderId);
        await db.ReminderDeliveries.Where(d => d.ReminderId == reminder.Id).ExecuteDeleteAsync(cancellationToken);
        db.Reminders.Remove(reminder);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

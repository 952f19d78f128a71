using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Reminders;

/// <summary>Deletes an anonymous topic subscription by its id.</summary>
public sealed record DeleteTopicSubscriptionCommand(Guid SubscriptionId) : ICommand;

public sealed class DeleteTopicSubscriptionHandler(IAppDbContext db) : ICommandHandler<DeleteTopicSubscriptionCommand>
{
    public async ValueTask<Unit> Handle(DeleteTopicSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var anonymous = await db.PushSubscriptions.AnyAsync(s => s.Id == command.SubscriptionId && s.UserId == null, cancellationToken);
        if (!anonymous || !await PushSubscriptionRemoval.RemoveAsync(db, command.SubscriptionId, cancellationToken))
        {
            throw new NotFoundException("Abonnement", command.SubscriptionId);
        }

        return Unit.Value;
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.ContactRequests;

/// <summary>Staff mark a request as handled; another jobcenter's request is not found.</summary>
public sealed record MarkContactRequestDoneCommand(Guid Id) : ICommand;

public sealed class MarkContactRequestDoneHandler(IAppDbContext db, ICurrentUser actor, TimeProvider clock) : ICommandHandler<MarkContactRequestDoneCommand>
{
    public async ValueTask<Unit> Handle(MarkContactRequestDoneCommand command, CancellationToken cancellationToken)
    {
        var request = await db.ContactRequests.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Anfrage", command.Id);
        request.MarkDone(actor.DisplayName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.ContactRequests;

/// <summary>Staff delete a request before its retention period ends (for example once it is answered).</summary>
public sealed record DeleteContactRequestCommand(Guid Id) : ICommand;

public sealed class DeleteContactRequestHandler(IAppDbContext db) : ICommandHandler<DeleteContactRequestCommand>
{
    public async ValueTask<Unit> Handle(DeleteContactRequestCommand command, CancellationToken cancellationToken)
    {
        var request = await db.ContactRequests.SingleOrDefaultAsync(r => r.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Anfrage", command.Id);
        db.ContactRequests.Remove(request);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

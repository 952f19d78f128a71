using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Reminders;
using Platform.Domain.Events;

namespace Platform.Application.Events;

/// <summary>The signed-in person cancels; a freed seat goes to the first person on the waiting list.</summary>
public sealed record CancelEventRegistrationCommand(Guid PostId) : ICommand<RegistrationResult>;

public sealed class CancelEventRegistrationValidator : AbstractValidator<CancelEventRegistrationCommand>
{
    public CancelEventRegistrationValidator()
    {
        RuleFor(c => c.PostId).NotEmpty().WithMessage(_ => ValidationMessages.Get("Events.IdMissing"));
    }
}

public sealed class CancelEventRegistrationHandler(IAppDbContext db, IRecipientDirectory directory, ICurrentUser user, ICurrentTenant tenant, TimeProvider clock)
    : ICommandHandler<CancelEventRegistrationCommand, RegistrationResult>
{
    public async ValueTask<RegistrationResult> Handle(CancelEventRegistrationCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var now = clock.GetUtcNow().UtcDateTime;
        var ev = await EventQueries.PublishedEventAsync(db, command.PostId, cancellationToken);
        return await EventSeatLock.RunAsync(db, tenant.RequiredId, command.PostId, async _ =>
        {
            var registration = await db.EventRegistrations
                .FirstOrDefaultAsync(r => r.PostId == command.PostId && r.UserId == userId && r.Status != RegistrationStatus.Cancelled, cancellationToken)
                ?? throw new NotFoundException("Anmeldung", command.PostId);
            var freesSeat = registration.Status == RegistrationStatus.Confirmed;
            registration.Cancel(now);
            await db.SaveChangesAsync(cancellationToken);

            Guid? promoted = null;
            if (freesSeat)
            {
                promoted = await EventSeatLock.PromoteWaitingAsync(db, directory, command.PostId, ev.Capacity, now, cancellationToken);
            }

            return new RegistrationResult(command.PostId, EventQueries.StatusName(RegistrationStatus.Cancelled), null, promoted);
        }, cancellationToken);
    }
}

using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Events;

namespace Platform.Application.Events;

/// <summary>
/// The signed-in person signs up for a published, upcoming event: a seat while there is one, otherwise the waiting
/// list. Signing up again while registered changes nothing.
/// </summary>
public sealed record RegisterForEventCommand(Guid PostId) : ICommand<RegistrationResult>;

public sealed class RegisterForEventValidator : AbstractValidator<RegisterForEventCommand>
{
    public RegisterForEventValidator()
    {
        RuleFor(c => c.PostId).NotEmpty().WithMessage(_ => ValidationMessages.Get("Events.IdMissing"));
    }
}

public sealed class RegisterForEventHandler(IAppDbContext db, ICurrentUser user, ICurrentTenant tenant, TimeProvider clock)
    : ICommandHandler<RegisterForEventCommand, RegistrationResult>
{
    public async ValueTask<RegistrationResult> Handle(RegisterForEventCommand command, CancellationToken cancellationToken)
    {
        var userId = user.RequiredId;
        var now = clock.GetUtcNow().UtcDateTime;
        var ev = await EventQueries.PublishedEventAsync(db, command.PostId, cancellationToken);
        if ((ev.EndsAt ?? ev.StartsAt!.Value) < now)
        {
            throw new DomainException("event.past", "Diese Veranstaltung ist schon vorbei.");
        }

        return await EventSeatLock.RunAsync(db, tenant.RequiredId, command.PostId, async position =>
        {
            var registration = await db.EventRegistrations
                .FirstOrDefaultAsync(r => r.PostId == command.PostId && r.UserId == userId, cancellationToken);
            if (registration is { IsActive: true })
            {
                var current = await EventQueries.MineAsync(db, registration, cancellationToken);
                return new RegistrationResult(command.PostId, current.Status, current.WaitingPlace, null);
            }

            // Under the event's lock: nobody else counts or takes a seat of this event until this transaction ends.
            var confirmed = await db.EventRegistrations.CountAsync(
                r => r.PostId == command.PostId && r.Status == RegistrationStatus.Confirmed, cancellationToken);
            var seatFree = ev.Capacity is not { } capacity || confirmed < capacity;
            if (registration is null)
            {
                registration = EventRegistration.Create(tenant.RequiredId, command.PostId, userId, seatFree, position, now);
                db.EventRegistrations.Add(registration);
            }
            else
            {
                registration.Renew(seatFree, position, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            var mine = await EventQueries.MineAsync(db, registration, cancellationToken);
            return new RegistrationResult(command.PostId, mine.Status, mine.WaitingPlace, null);
        }, cancellationToken);
    }
}

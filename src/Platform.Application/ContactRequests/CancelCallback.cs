using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Reminders;

namespace Platform.Application.ContactRequests;

/// <summary>
/// What the cancel page shows for a signed link: the booked time. A forged link, one of another jobcenter or of a
/// deleted booking is not found.
/// </summary>
public sealed record GetCallbackCancellationQuery(string? Token) : IQuery<CallbackCancellation>;

public sealed record CallbackCancellation(DateTime Start, DateTime End, bool Cancelled, bool Started);

/// <summary>The person cancels through the signed link: the place is free again and the reminder does not go out.</summary>
public sealed record CancelCallbackCommand(string? Token) : ICommand<CallbackCancellation>;

public sealed class CancelCallbackValidator : AbstractValidator<CancelCallbackCommand>
{
    public CancelCallbackValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(1000);
}

public sealed class GetCallbackCancellationHandler(IAppDbContext db, ICurrentTenant current, ICallbackCancelTokens tokens, TimeProvider clock)
    : IQueryHandler<GetCallbackCancellationQuery, CallbackCancellation>
{
    public async ValueTask<CallbackCancellation> Handle(GetCallbackCancellationQuery query, CancellationToken cancellationToken)
    {
        var id = (query.Token is { Length: > 0 and <= 1000 } token ? tokens.Read(current.RequiredId, token) : null)
            ?? throw new NotFoundException("Rückruf", Guid.Empty);
        var booking = await db.CallbackBookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new NotFoundException("Rückruf", id);
        return new CallbackCancellation(booking.SlotStart, booking.SlotEnd, booking.IsCancelled, clock.GetUtcNow().UtcDateTime >= booking.SlotStart);
    }
}

public sealed class CancelCallbackHandler(IAppDbContext db, ICurrentTenant current, ICallbackCancelTokens tokens, TimeProvider clock)
    : ICommandHandler<CancelCallbackCommand, CallbackCancellation>
{
    public async ValueTask<CallbackCancellation> Handle(CancelCallbackCommand command, CancellationToken cancellationToken)
    {
        var id = tokens.Read(current.RequiredId, command.Token ?? "") ?? throw new NotFoundException("Rückruf", Guid.Empty);
        var booking = await db.CallbackBookings.SingleOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new NotFoundException("Rückruf", id);
        var now = clock.GetUtcNow().UtcDateTime;
        booking.Cancel(now);
        await db.SaveChangesAsync(cancellationToken);

        // The reminder is not sent for a cancelled booking (the engine checks too, for one already claimed).
        await db.ReminderDeliveries
            .Where(d => d.CallbackBookingId == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Skipped).SetProperty(d => d.SentAt, now), cancellationToken);
        return new CallbackCancellation(booking.SlotStart, booking.SlotEnd, true, false);
    }
}

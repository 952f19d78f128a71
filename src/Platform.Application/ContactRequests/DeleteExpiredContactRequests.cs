using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>
/// Deletes the current tenant's contact requests older than its retention period, and the booked callbacks whose slot
/// lies that long back (with their reminders); returns how many requests and bookings.
/// </summary>
public sealed record DeleteExpiredContactRequestsCommand : ICommand<int>;

public sealed class DeleteExpiredContactRequestsHandler(IAppDbContext db, ICurrentTenant current, TimeProvider clock)
    : ICommandHandler<DeleteExpiredContactRequestsCommand, int>
{
    public async ValueTask<int> Handle(DeleteExpiredContactRequestsCommand command, CancellationToken cancellationToken)
    {
        var tenantId = current.RequiredId;
        var days = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.ContactRetentionDays).SingleAsync(cancellationToken);
        var cutoff = ContactRequest.RetentionCutoff(days, clock.GetUtcNow().UtcDateTime);

        // The tenant filter applies to ExecuteDelete too: only this tenant's rows.
        var requests = await db.ContactRequests.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var callbackCutoff = CallbackBooking.RetentionCutoff(days, clock.GetUtcNow().UtcDateTime);
        var expired = db.CallbackBookings.Where(b => b.SlotStart < callbackCutoff).Select(b => (Guid?)b.Id);
        await db.ReminderDeliveries.Where(d => d.CallbackBookingId != null && expired.Contains(d.CallbackBookingId)).ExecuteDeleteAsync(cancellationToken);
        var bookings = await db.CallbackBookings.Where(b => b.SlotStart < callbackCutoff).ExecuteDeleteAsync(cancellationToken);
        return requests + bookings;
    }
}

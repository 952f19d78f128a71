using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>How many of the current tenant's deliveries are pending and due: the delivery engine's backlog.</summary>
public sealed record CountDueDeliveriesQuery : IQuery<int>;

public sealed class CountDueDeliveriesHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<CountDueDeliveriesQuery, int>
{
    public async ValueTask<int> Handle(CountDueDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ReminderDeliveries.CountAsync(d => d.Status == DeliveryStatus.Pending && d.DueAt <= now, cancellationToken);
    }
}

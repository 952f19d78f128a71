using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>
/// The free callback slots of the current jobcenter: the next two weeks, from two hours from now, each with the
/// places left. Full slots are left out.
/// </summary>
public sealed record GetCallbackSlotsQuery : IQuery<CallbackSlots>;

/// <summary><paramref name="Slots"/>: UTC instants, in order; the pages group them by day in Europe/Berlin.</summary>
public sealed record CallbackSlots(int SlotMinutes, IReadOnlyList<CallbackSlot> Slots);

public sealed record CallbackSlot(DateTime Start, DateTime End, int Free);

public sealed class GetCallbackSlotsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetCallbackSlotsQuery, CallbackSlots>
{
    public async ValueTask<CallbackSlots> Handle(GetCallbackSlotsQuery query, CancellationToken cancellationToken)
    {
        var hours = await db.CallbackHours.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (hours is null)
        {
            return new CallbackSlots(0, []);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = now + CallbackHours.MinimumNotice;
        var to = now + CallbackHours.BookingHorizon;
        var starts = hours.SlotsBetween(from, to);
        var taken = (await db.CallbackBookings.AsNoTracking()
                .Where(b => b.SlotStart >= from && b.SlotStart < to && b.Place != null)
                .Select(b => b.SlotStart)
                .ToListAsync(cancellationToken))
            .GroupBy(s => s)
            .ToDictionary(g => g.Key, g => g.Count());
        var slots = starts
            .Select(s => new CallbackSlot(s, s.AddMinutes(hours.SlotMinutes), hours.Capacity - taken.GetValueOrDefault(s)))
            .Where(s => s.Free > 0)
            .ToList();
        return new CallbackSlots(hours.SlotMinutes, slots);
    }
}

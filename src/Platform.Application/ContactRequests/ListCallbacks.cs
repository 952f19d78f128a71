using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>For the staff who read the inbox: today's and the coming booked callbacks (not cancelled), earliest first.</summary>
public sealed record ListCallbacksQuery : IQuery<IReadOnlyList<CallbackItem>>;

/// <summary><paramref name="Outcome"/>: <c>open</c>, <c>reached</c> (erledigt) or <c>not-reached</c> (nicht erreicht).</summary>
public sealed record CallbackItem(
    Guid Id, DateTime Start, DateTime End, string Name, string Phone, string Email, string Language, string Outcome, DateTime? OutcomeAt, string OutcomeBy);

public sealed class ListCallbacksHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ListCallbacksQuery, IReadOnlyList<CallbackItem>>
{
    public async ValueTask<IReadOnlyList<CallbackItem>> Handle(ListCallbacksQuery query, CancellationToken cancellationToken)
    {
        var today = BerlinTime.ToUtc(BerlinTime.ToLocal(clock.GetUtcNow().UtcDateTime).Date);
        var rows = await db.CallbackBookings.AsNoTracking()
            .Where(b => b.SlotStart >= today && b.CancelledAt == null)
            .OrderBy(b => b.SlotStart)
            .Take(500)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(b => new CallbackItem(
            b.Id, b.SlotStart, b.SlotEnd, b.Name, b.Phone, b.Email, b.Language, CallbackOutcomes.Name(b.Outcome), b.OutcomeAt, b.OutcomeBy))];
    }
}

/// <summary>The outcomes' names in the API.</summary>
public static class CallbackOutcomes
{
    public const string Reached = "reached";

    public const string NotReached = "not-reached";

    public static string Name(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.Reached => Reached,
        CallbackOutcome.NotReached => NotReached,
        _ => "open",
    };
}

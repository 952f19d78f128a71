using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Events;

/// <summary>The current jobcenter's upcoming published events, soonest first, with free seats and the caller's status.</summary>
public sealed record ListEventsQuery : IQuery<IReadOnlyList<EventSummary>>;

public sealed class ListEventsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListEventsQuery, IReadOnlyList<EventSummary>>
{
    public async ValueTask<IReadOnlyList<EventSummary>> Handle(ListEventsQuery query, CancellationToken cancellationToken)
    {
        var events = await EventQueries.UpcomingAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return await EventQueries.SummariesAsync(db, events, user.Id, cancellationToken);
    }
}

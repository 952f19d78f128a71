using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Events;

/// <summary>One published event (also a past one), with free seats and the caller's status.</summary>
public sealed record GetEventQuery(Guid PostId) : IQuery<EventSummary>;

public sealed class GetEventHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<GetEventQuery, EventSummary>
{
    public async ValueTask<EventSummary> Handle(GetEventQuery query, CancellationToken cancellationToken)
    {
        var ev = await EventQueries.PublishedEventAsync(db, query.PostId, cancellationToken);
        return (await EventQueries.SummariesAsync(db, [ev], user.Id, cancellationToken))[0];
    }
}

using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Events;

/// <summary>The current jobcenter's upcoming published events as an iCalendar feed.</summary>
public sealed record GetEventFeedQuery : IQuery<string>;

public sealed class GetEventFeedHandler(IAppDbContext db, ICurrentTenant tenant, TimeProvider clock) : IQueryHandler<GetEventFeedQuery, string>
{
    public async ValueTask<string> Handle(GetEventFeedQuery query, CancellationToken cancellationToken)
    {
        var info = tenant.Tenant ?? throw new TenantRequiredException();
        var now = clock.GetUtcNow().UtcDateTime;
        var events = await EventQueries.UpcomingAsync(db, now, cancellationToken);
        return ICalendar.Write(info, events, now, feed: true);
    }
}

using Mediator;
using Platform.Application.Common;

namespace Platform.Application.Events;

/// <summary>One published event as an iCalendar file (RFC 5545).</summary>
public sealed record GetEventIcsQuery(Guid PostId) : IQuery<string>;

public sealed class GetEventIcsHandler(IAppDbContext db, ICurrentTenant tenant, TimeProvider clock) : IQueryHandler<GetEventIcsQuery, string>
{
    public async ValueTask<string> Handle(GetEventIcsQuery query, CancellationToken cancellationToken)
    {
        var ev = await EventQueries.PublishedEventAsync(db, query.PostId, cancellationToken);
        var info = tenant.Tenant ?? throw new TenantRequiredException();
        return ICalendar.Write(info, [ev], clock.GetUtcNow().UtcDateTime, feed: false);
    }
}

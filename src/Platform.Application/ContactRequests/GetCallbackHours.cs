using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.ContactRequests;

/// <summary>The current jobcenter's callback hours (none set: no ranges, so no slots are offered).</summary>
public sealed record GetCallbackHoursQuery : IQuery<CallbackHoursView>;

public sealed class GetCallbackHoursHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetCallbackHoursQuery, CallbackHoursView>
{
    public async ValueTask<CallbackHoursView> Handle(GetCallbackHoursQuery query, CancellationToken cancellationToken)
    {
        var hours = await db.CallbackHours.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return CallbackHoursView.Of(hours, DateOnly.FromDateTime(BerlinTime.ToLocal(clock.GetUtcNow().UtcDateTime)));
    }
}

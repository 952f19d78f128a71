using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Reminders;

/// <summary>How many of the signed-in person's notifications are unread (the header's badge); 0 for nobody signed in.</summary>
public sealed record CountUnreadNotificationsQuery : IQuery<int>;

public sealed class CountUnreadNotificationsHandler(IAppDbContext db, ICurrentUser user) : IQueryHandler<CountUnreadNotificationsQuery, int>
{
    public async ValueTask<int> Handle(CountUnreadNotificationsQuery query, CancellationToken cancellationToken) =>
        user.Id is { } userId
            ? await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken)
            : 0;
}

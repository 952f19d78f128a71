using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>For the readiness check: scheduled posts of the current tenant that are later than <see cref="Grace"/>.</summary>
public sealed record CountStuckPostsQuery(TimeSpan Grace) : IQuery<int>;

public sealed class CountStuckPostsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<CountStuckPostsQuery, int>
{
    public async ValueTask<int> Handle(CountStuckPostsQuery query, CancellationToken cancellationToken)
    {
        var limit = clock.GetUtcNow().UtcDateTime - query.Grace;
        return await db.Posts.CountAsync(p => p.Status == PostStatus.Scheduled && p.PublishAt < limit, cancellationToken);
    }
}

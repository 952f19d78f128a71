using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>The catch-up's list: scheduled posts of the current tenant whose time has passed.</summary>
public sealed record GetOverduePostsQuery : IQuery<IReadOnlyList<Guid>>;

public sealed class GetOverduePostsHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetOverduePostsQuery, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(GetOverduePostsQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Scheduled && p.PublishAt <= now)
            .OrderBy(p => p.PublishAt)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
    }
}

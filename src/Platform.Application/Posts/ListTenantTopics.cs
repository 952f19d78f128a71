using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;

namespace Platform.Application.Posts;

/// <summary>The current tenant's own topics, in the order they were added.</summary>
public sealed record ListTenantTopicsQuery : IQuery<IReadOnlyList<TenantTopicItem>>;

public sealed class ListTenantTopicsHandler(IAppDbContext db) : IQueryHandler<ListTenantTopicsQuery, IReadOnlyList<TenantTopicItem>>
{
    public async ValueTask<IReadOnlyList<TenantTopicItem>> Handle(ListTenantTopicsQuery query, CancellationToken cancellationToken)
    {
        var topics = await db.TenantTopics.AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Bit).ToListAsync(cancellationToken);
        var result = new List<TenantTopicItem>(topics.Count);
        foreach (var t in topics)
        {
            var flag = t.Flag;
            var count = await db.Posts.CountAsync(p => (p.Content.Topics & flag) == flag, cancellationToken);
            result.Add(new TenantTopicItem(t.Slug, t.Name, t.CreatedAt, count));
        }

        return result;
    }
}

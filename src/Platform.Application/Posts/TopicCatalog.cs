using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

public sealed class TopicCatalog(IAppDbContext db) : ITopicCatalog
{
    private TopicSet? _set;

    // No cache across requests: the set is read once per scope, so a new or deleted topic is visible at once on every node.
    public async Task<TopicSet> ForCurrentTenantAsync(CancellationToken cancellationToken = default)
    {
        if (_set is not null)
        {
            return _set;
        }

        var topics = await db.TenantTopics.AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Bit)
            .Select(t => new { t.Slug, t.Bit, t.Name })
            .ToListAsync(cancellationToken);
        _set = new TopicSet(topics.Select(t => new TopicEntry(t.Slug, (Topics)(1 << t.Bit), t.Name)));
        return _set;
    }
}

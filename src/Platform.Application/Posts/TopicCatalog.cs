using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

public sealed class TopicCatalog(IAppDbContext db) : ITopicCatalog
{
    // Read on every feed request: compiled, so a request skips LINQ translation (one per context type, as the feed's).
    // The tenant filter still applies at execution.
    private static readonly ConcurrentDictionary<Type, Func<DbContext, IAsyncEnumerable<TopicRow>>> Compiled = new();

    private TopicSet? _set;

    // No cache across requests: the set is read once per scope, so a new or deleted topic is visible at once on every node.
    public async Task<TopicSet> ForCurrentTenantAsync(CancellationToken cancellationToken = default)
    {
        if (_set is not null)
        {
            return _set;
        }

        var context = (DbContext)db;
        var query = Compiled.GetOrAdd(context.GetType(), static _ => EF.CompileAsyncQuery(
            (DbContext c) => c.Set<TenantTopic>().AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Bit)
                .Select(t => new TopicRow(t.Slug, t.Bit, t.Name))));
        var entries = new List<TopicEntry>();
        await foreach (var t in query(context).WithCancellation(cancellationToken))
        {
            entries.Add(new TopicEntry(t.Slug, (Topics)(1 << t.Bit), t.Name));
        }

        _set = new TopicSet(entries);
        return _set;
    }

    private sealed record TopicRow(string Slug, int Bit, string Name);
}

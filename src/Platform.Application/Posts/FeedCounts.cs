using System.Collections.Concurrent;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// How many published posts (of a topic) each tenant has, as the feed shows it ("Seite 1 von 12"), kept in this node's
/// memory (issue 13): counting on every feed request cost what the tenant's whole archive holds. A count is dropped
/// when a post of the tenant is saved with a change that can move it (<see cref="Invalidate"/>: this node at once,
/// the others over the cluster's signal), and lives at most <see cref="Lifetime"/> in any case, the fallback for a
/// signal lost while Redis was away, for writes that bypass the change tracker and for a save inside an explicit
/// transaction (announced before its commit; the platform writes posts without one). No personal data: counts only.
/// </summary>
public sealed class FeedCounts(TimeProvider clock)
{
    /// <summary>The longest a count is kept without a change seen.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, TenantCounts> _tenants = new();

    public async Task<int> GetAsync(Guid tenantId, Topics topic, Func<Task<int>> count)
    {
        var now = clock.GetUtcNow();
        var counts = _tenants.GetOrAdd(tenantId, static _ => new TenantCounts());
        if (counts.Values.TryGetValue(topic, out var cached) && cached.Until > now)
        {
            return cached.Count;
        }

        // The generation read before counting: a change saved while the count runs drops what it would store.
        var generation = Volatile.Read(ref counts.Generation);
        var value = await count();
        if (Volatile.Read(ref counts.Generation) == generation)
        {
            counts.Values[topic] = new CachedCount(value, now + Lifetime);
        }

        return value;
    }

    /// <summary>Drops the tenant's counts on this node.</summary>
    public void Invalidate(Guid tenantId)
    {
        if (_tenants.TryGetValue(tenantId, out var counts))
        {
            Interlocked.Increment(ref counts.Generation);
            counts.Values.Clear();
        }
    }

    /// <summary>Drops every tenant's counts on this node (the cluster's signals may have been missed).</summary>
    public void InvalidateAll()
    {
        foreach (var tenantId in _tenants.Keys)
        {
            Invalidate(tenantId);
        }
    }

    private sealed class TenantCounts
    {
        public readonly ConcurrentDictionary<Topics, CachedCount> Values = new();

        public long Generation;
    }

    private readonly record struct CachedCount(int Count, DateTimeOffset Until);
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Platform.Application.Posts;

/// <summary>The readings of one post on one day (Europe/Berlin) that this node has counted and not yet written.</summary>
public readonly record struct PostViewTally(Guid PostId, DateOnly Day, int Count);

/// <summary>
/// This node's readings since its last flush, per tenant, post and day: bare numbers, nothing about the readers
/// (ADR-031). Counting is lock-free (one <see cref="Interlocked"/> add on a counter that the first reading of a post
/// and day creates); <see cref="Take"/> hands the counts to the flush and <see cref="Restore"/> gives them back when
/// the database could not take them.
/// </summary>
public sealed class PostViewBuffer(IOptions<PostViewOptions> options)
{
    /// <summary>A counter that a flush has emptied and removed: a reading that meets it fetches the current one.</summary>
    private const long Retired = long.MinValue;

    private readonly ConcurrentDictionary<Key, Counter> _counters = new();

    // What a flush has taken and not yet written, still shown to editors (Pending) until the commit or the restore.
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<PostViewTally>> _inFlight = new();
    private int _keys;
    private long _dropped;

    /// <summary>How many (tenant, post, day) counters are waiting for the next flush.</summary>
    public int PendingKeys => Volatile.Read(ref _keys);

    /// <summary>Adds one reading; returns false when the buffer is full and the reading was dropped.</summary>
    public bool Add(Guid tenantId, Guid postId, DateOnly day) => Add(new Key(tenantId, postId, day), 1);

    /// <summary>The readings of a post that this node holds and has not written yet, per day.</summary>
    public IReadOnlyList<PostViewTally> Pending(Guid tenantId, Guid postId) =>
        [.. _counters
            .Where(e => e.Key.TenantId == tenantId && e.Key.PostId == postId)
            .Select(e => new PostViewTally(postId, e.Key.Day, (int)Math.Max(0, Volatile.Read(ref e.Value.Value))))
            .Concat(_inFlight.TryGetValue(tenantId, out var flushing) ? flushing.Where(t => t.PostId == postId) : [])
            .Where(t => t.Count > 0)];

    /// <summary>
    /// Empties every counter and returns what they held, grouped by tenant, plus how many readings were dropped since
    /// the last call because the buffer was full. Emptied counters leave the buffer, so it holds only what is pending.
    /// </summary>
    public (IReadOnlyDictionary<Guid, List<PostViewTally>> Tenants, long Dropped) Take()
    {
        var taken = new Dictionary<Guid, List<PostViewTally>>();
        foreach (var (key, counter) in _counters)
        {
            var count = Interlocked.Exchange(ref counter.Value, 0);
            if (count > 0)
            {
                if (!taken.TryGetValue(key.TenantId, out var list))
                {
                    taken[key.TenantId] = list = [];
                }

                list.Add(new PostViewTally(key.PostId, key.Day, (int)Math.Min(count, int.MaxValue)));
            }

            // Only a counter still at zero is retired; one that a reading has just raised stays for the next flush.
            if (Interlocked.CompareExchange(ref counter.Value, Retired, 0) == 0
                && _counters.TryRemove(new KeyValuePair<Key, Counter>(key, counter)))
            {
                Interlocked.Decrement(ref _keys);
            }
        }

        foreach (var (tenantId, tallies) in taken)
        {
            _inFlight[tenantId] = tallies;
        }

        return (taken, Interlocked.Exchange(ref _dropped, 0));
    }

    /// <summary>The flush has written what it took of the tenant.</summary>
    public void Written(Guid tenantId) => _inFlight.TryRemove(tenantId, out _);

    /// <summary>Gives back counts that a flush could not write, to be tried again with the next one.</summary>
    public void Restore(Guid tenantId, IEnumerable<PostViewTally> tallies)
    {
        _inFlight.TryRemove(tenantId, out _);
        foreach (var tally in tallies)
        {
            Add(new Key(tenantId, tally.PostId, tally.Day), tally.Count);
        }
    }

    private bool Add(Key key, long count)
    {
        var spin = default(SpinWait);
        while (true)
        {
            if (!_counters.TryGetValue(key, out var counter))
            {
                if (Interlocked.Increment(ref _keys) > options.Value.MaxPendingKeys)
                {
                    Interlocked.Decrement(ref _keys);
                    Interlocked.Add(ref _dropped, count);
                    return false;
                }

                var created = new Counter();
                counter = _counters.GetOrAdd(key, created);
                if (!ReferenceEquals(counter, created))
                {
                    Interlocked.Decrement(ref _keys);
                }
            }

            var value = Volatile.Read(ref counter.Value);
            if (value != Retired && Interlocked.CompareExchange(ref counter.Value, value + count, value) == value)
            {
                return true;
            }

            // Retired by a flush that is about to remove it, or raised by another reading at the same moment: again.
            spin.SpinOnce();
        }
    }

    private readonly record struct Key(Guid TenantId, Guid PostId, DateOnly Day);

    private sealed class Counter
    {
        public long Value;
    }
}

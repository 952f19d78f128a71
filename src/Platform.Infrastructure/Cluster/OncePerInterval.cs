namespace Platform.Infrastructure.Cluster;

/// <summary>
/// Yes at most once per interval: while Redis is away every request would otherwise write the same warning (a cached
/// feed at thousands of requests a second); one line per half minute says it as well.
/// </summary>
internal sealed class OncePerInterval(TimeSpan interval)
{
    private long _next;

    public bool Take()
    {
        var now = Environment.TickCount64;
        var next = Volatile.Read(ref _next);
        return now >= next && Interlocked.CompareExchange(ref _next, now + (long)interval.TotalMilliseconds, next) == next;
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Platform.Infrastructure.Cluster;

/// <summary>
/// Fixed-window rate limits by key: on one node in its memory, in a cluster in Redis, so that a limit of ten sign-ins
/// a minute is ten for the cluster and not ten per node.
/// </summary>
public interface IRateLimitWindows
{
    /// <summary>The window of <paramref name="key"/> (for example client and purpose) in the tenant's own space; null: the platform's.</summary>
    RateLimitPartition<string> FixedWindow(Guid? tenantId, string key, int permits, TimeSpan window);
}

public sealed class LocalRateLimitWindows : IRateLimitWindows
{
    public RateLimitPartition<string> FixedWindow(Guid? tenantId, string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter($"{tenantId}|{key}", _ => Options(permits, window));

    internal static FixedWindowRateLimiterOptions Options(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0 };
}

/// <summary>
/// The windows in Redis: one counter per key and window (<c>INCR</c>, expiring with the window), its time to live as
/// the <c>Retry-After</c>. The Redis key starts with the tenant, then a hash of the caller's key (it names a client
/// address): <c>{prefix}rate-limit:{tenant}:{hash}</c>. While Redis cannot be reached each node counts alone, as without Redis.
/// </summary>
public sealed partial class RedisRateLimitWindows(IConnectionMultiplexer redis, RedisNamespace keys, ILogger<RedisRateLimitWindows> logger) : IRateLimitWindows
{
    private readonly IConnectionMultiplexer _redis = redis;
    private readonly ILogger _logger = logger;
    private readonly OncePerInterval _warning = new(TimeSpan.FromSeconds(30));

    // One round trip, atomic: count, start the window on the first request, say how long it still runs.
    private static readonly LuaScript Count = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) if n == 1 then redis.call('PEXPIRE', @key, @window) end return { n, redis.call('PTTL', @key) }");

    public RateLimitPartition<string> FixedWindow(Guid? tenantId, string key, int permits, TimeSpan window)
    {
        var tenant = tenantId?.ToString("N") ?? "platform";
        return RateLimitPartition.Get($"{tenant}|{key}", _ => new Limiter(this, Key(tenant, key), permits, window));
    }

    private RedisKey Key(string tenant, string key) =>
        keys.Key($"rate-limit:{tenant}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cannot be reached; rate limits count per node")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    private sealed class Limiter(RedisRateLimitWindows owner, RedisKey key, int permits, TimeSpan window) : RateLimiter
    {
        private readonly FixedWindowRateLimiter _fallback = new(LocalRateLimitWindows.Options(permits, window));
        private long _lastUsed = Stopwatch.GetTimestamp();

        public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastUsed));

        public override RateLimiterStatistics? GetStatistics() => _fallback.GetStatistics();

        // The partitioned limiter tries this first and then waits for AcquireAsync, which asks Redis.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYet;

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Volatile.Write(ref _lastUsed, Stopwatch.GetTimestamp());
            try
            {
                var result = (RedisResult[]?)await owner._redis.GetDatabase().ScriptEvaluateAsync(
                    Count, new { key, window = (long)window.TotalMilliseconds });
                var count = (long)result![0];
                var remaining = TimeSpan.FromMilliseconds(Math.Max(0, (long)result[1]));
                return count <= permits ? Lease.Granted : new Lease(false, remaining);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                if (owner._warning.Take())
                {
                    LogUnavailable(owner._logger, e);
                }

                return await _fallback.AcquireAsync(permitCount, cancellationToken);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _fallback.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease NotYet = new(false, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}

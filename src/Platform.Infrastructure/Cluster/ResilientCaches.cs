using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Platform.Infrastructure.Cluster;

/// <summary>
/// The distributed cache in Redis, and in this node's memory while Redis cannot be reached: what is cached there (the
/// sign-in throttle's counts) then counts per node for a while, instead of every sign-in failing.
/// </summary>
public sealed partial class ResilientDistributedCache(IDistributedCache redis, IDistributedCache local, ILogger<ResilientDistributedCache> logger)
    : IDistributedCache
{
    private readonly OncePerInterval _warning = new(TimeSpan.FromSeconds(30));

    public byte[]? Get(string key) => Try(() => redis.Get(key), () => local.Get(key));

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        TryAsync(() => redis.GetAsync(key, token), () => local.GetAsync(key, token));

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        Try(() => redis.Set(key, value, options), () => local.Set(key, value, options));

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        TryAsync(() => redis.SetAsync(key, value, options, token), () => local.SetAsync(key, value, options, token));

    public void Refresh(string key) => Try(() => redis.Refresh(key), () => local.Refresh(key));

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        TryAsync(() => redis.RefreshAsync(key, token), () => local.RefreshAsync(key, token));

    public void Remove(string key) => Try(() => redis.Remove(key), () => local.Remove(key));

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        TryAsync(() => redis.RemoveAsync(key, token), () => local.RemoveAsync(key, token));

    private T Try<T>(Func<T> shared, Func<T> fallback)
    {
        try
        {
            return shared();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e);
            return fallback();
        }
    }

    private async Task<T> TryAsync<T>(Func<Task<T>> shared, Func<Task<T>> fallback)
    {
        try
        {
            return await shared();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e);
            return await fallback();
        }
    }

    private void Try(Action shared, Action fallback) => Try(
        () =>
        {
            shared();
            return true;
        },
        () =>
        {
            fallback();
            return true;
        });

    private Task<bool> TryAsync(Func<Task> shared, Func<Task> fallback) => TryAsync(
        async () =>
        {
            await shared();
            return true;
        },
        async () =>
        {
            await fallback();
            return true;
        });

    private void Warn(Exception e)
    {
        if (_warning.Take())
        {
            LogUnavailable(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cannot be reached; the distributed cache falls back to this node's memory")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}

/// <summary>
/// The output cache in Redis; while Redis cannot be reached every request is a miss and is rendered, and nothing is
/// stored: a cache must not turn into an outage. An eviction that cannot reach Redis is lost with nothing to evict
/// against, since each entry expires by its short lifetime anyway.
/// </summary>
public sealed partial class ResilientOutputCacheStore(IOutputCacheStore redis, ILogger<ResilientOutputCacheStore> logger) : IOutputCacheStore
{
    private readonly OncePerInterval _warning = new(TimeSpan.FromSeconds(30));

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.GetAsync(key, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            await redis.SetAsync(key, value, tags, validFor, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            await redis.EvictByTagAsync(tag, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Warn(e);
        }
    }

    private void Warn(Exception e)
    {
        if (_warning.Take())
        {
            LogUnavailable(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cannot be reached; the output cache is bypassed")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}

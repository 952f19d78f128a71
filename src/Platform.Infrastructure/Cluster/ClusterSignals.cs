using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Application.Posts;
using Platform.Infrastructure.Tenancy;
using StackExchange.Redis;

namespace Platform.Infrastructure.Cluster;

/// <summary>
/// What one node tells the others: a tenant was changed, so every node reads the tenant catalog anew; a tenant's posts
/// changed, so every node drops its feed counts (<see cref="FeedCounts"/>).
/// </summary>
public interface IClusterSignals
{
    void TenantCatalogChanged();

    void FeedCountsChanged(Guid tenantId);
}

/// <summary>One node, or no Redis: nobody to tell; the other nodes' catalogs and counts refresh by their interval.</summary>
public sealed class LocalClusterSignals : IClusterSignals
{
    public void TenantCatalogChanged()
    {
    }

    public void FeedCountsChanged(Guid tenantId)
    {
    }
}

/// <summary>The signals over Redis pub/sub (<see cref="RedisNamespace.TenantCatalogChannel"/>); the message is the sending node's id.</summary>
public sealed partial class RedisClusterSignals(IConnectionMultiplexer redis, RedisNamespace keys, ILogger<RedisClusterSignals> logger) : IClusterSignals
{
    /// <summary>This node (this host, not this process: tests run several in one), so that it does not read its catalog twice for its own change.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    public void TenantCatalogChanged() => Send(keys.TenantCatalogChannel, NodeId);

    public void FeedCountsChanged(Guid tenantId) => Send(keys.FeedCountsChannel, NodeId + ":" + tenantId.ToString("N"));

    /// <summary>Reads a <see cref="FeedCountsChanged"/> message of another node; false for this node's own.</summary>
    public bool TryReadFeedCountsChange(string? message, out Guid tenantId)
    {
        tenantId = Guid.Empty;
        var parts = message?.Split(':');
        return parts is [var sender, var tenant] && sender != NodeId && Guid.TryParseExact(tenant, "N", out tenantId);
    }

    private void Send(RedisChannel channel, string message)
    {
        try
        {
            redis.GetSubscriber().Publish(channel, message, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // The others refresh by their interval; nothing is lost but time (also for a save while this node shuts down).
            LogNotSent(logger, channel.ToString(), e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A change could not be announced over Redis ({Channel}); other nodes see it after their refresh interval")]
    private static partial void LogNotSent(ILogger logger, string channel, Exception exception);
}

/// <summary>
/// Listens for the other nodes' tenant changes and drops this node's catalog snapshot, and for their post changes and
/// drops the tenant's feed counts. A message sent while this node was cut off from Redis is lost, so a restored
/// connection drops the snapshot and all counts too.
/// </summary>
public sealed partial class TenantCatalogSubscriber(
    IConnectionMultiplexer redis, TenantCatalog catalog, FeedCounts counts, RedisClusterSignals signals, RedisNamespace keys, ILogger<TenantCatalogSubscriber> logger)
    : IHostedService
{
    private int _subscribed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored += OnConnectionRestored;
        await SubscribeAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnConnectionRestored;
        if (Interlocked.Exchange(ref _subscribed, 0) == 1)
        {
            try
            {
                var subscriber = redis.GetSubscriber();
                await Task.WhenAll(subscriber.UnsubscribeAsync(keys.TenantCatalogChannel), subscriber.UnsubscribeAsync(keys.FeedCountsChannel));
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
            {
                // Going away anyway; at shutdown the shared connection may already be closed by the caches that use it.
            }
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        catalog.InvalidateLocally();
        counts.InvalidateAll();
        if (Volatile.Read(ref _subscribed) == 0)
        {
            _ = SubscribeAsync();
        }
    }

    private async Task SubscribeAsync()
    {
        if (Interlocked.CompareExchange(ref _subscribed, 1, 0) != 0)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().SubscribeAsync(keys.TenantCatalogChannel, (_, sender) =>
            {
                if (sender != signals.NodeId)
                {
                    catalog.InvalidateLocally();
                }
            });
            await redis.GetSubscriber().SubscribeAsync(keys.FeedCountsChannel, (_, message) =>
            {
                if (signals.TryReadFeedCountsChange(message, out var tenantId))
                {
                    counts.Invalidate(tenantId);
                }
            });
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            Volatile.Write(ref _subscribed, 0);
            LogNotSubscribed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cannot be reached; tenant changes of other nodes show after the catalog's refresh interval until it can")]
    private static partial void LogNotSubscribed(ILogger logger, Exception exception);
}

using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Platform.Infrastructure.Cluster;

/// <summary>
/// Redis as the optional shared layer of a cluster (ADR-029), switched on by one setting, <c>ConnectionStrings:Redis</c>:
/// the output cache (a feed cached by one node is served by all, a publication's eviction reaches all), the distributed
/// cache (the sign-in throttle), the rate-limit windows (a limit per cluster, not per node) and the tenant catalog's
/// invalidation (a branding change through one node shows on every node at once). Redis holds nothing that the
/// database does not: when it cannot be reached, each node carries on alone with its own memory (a cache miss, a
/// limit per node, the catalog's periodic refresh) and the status check says so. Without the setting the platform
/// runs exactly as one node did before.
/// </summary>
public static class SharedRedis
{
    public const string ConnectionStringName = "Redis";

    /// <summary>
    /// Prefix of every key and channel the platform uses in Redis (<c>Platform:Redis:KeyPrefix</c>), so that several
    /// installations (or test runs) can share one server; the tenant comes next wherever a key is a tenant's.
    /// </summary>
    public const string DefaultKeyPrefix = "platform:";

    public static IServiceCollection AddSharedRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.TryAddSingleton<IClusterSignals, LocalClusterSignals>();
            services.TryAddSingleton<IRateLimitWindows, LocalRateLimitWindows>();
            return services;
        }

        var prefix = new RedisNamespace(configuration["Platform:Redis:KeyPrefix"] is { Length: > 0 } configured ? configured : DefaultKeyPrefix);
        services.AddSingleton(prefix);
        var options = ConfigurationOptions.Parse(connectionString);

        // Start and keep trying while Redis is away; a command without a connection fails at once instead of waiting
        // in a backlog, so a request falls back to the node's own memory instead of hanging.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3_000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1_000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1_000);
        options.ClientName ??= $"platform:{Environment.MachineName}:{Environment.ProcessId}";

        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));

        // The distributed cache: Redis, and this node's memory while Redis is away.
        services.AddStackExchangeRedisCache(o => o.InstanceName = prefix.Prefix);
        services.AddOptions<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions>()
            .Configure<IServiceProvider>((o, sp) => o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        Decorate<IDistributedCache>(services, (sp, redis) => new ResilientDistributedCache(
            redis, new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), sp.GetRequiredService<ILogger<ResilientDistributedCache>>()));

        // The output cache: Redis, and no cache (each request is rendered) while Redis is away.
        services.AddStackExchangeRedisOutputCache((Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions o) =>
            o.InstanceName = prefix.Prefix + "output:");
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
            .Configure<IServiceProvider>((o, sp) => o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
        Decorate<IOutputCacheStore>(services, (sp, redis) => new ResilientOutputCacheStore(redis, sp.GetRequiredService<ILogger<ResilientOutputCacheStore>>()));

        services.AddSingleton<RedisClusterSignals>();
        services.Replace(ServiceDescriptor.Singleton<IClusterSignals>(sp => sp.GetRequiredService<RedisClusterSignals>()));
        services.AddHostedService<TenantCatalogSubscriber>();
        services.Replace(ServiceDescriptor.Singleton<IRateLimitWindows, RedisRateLimitWindows>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, tags: [HealthTags.Status]);
        return services;
    }

    /// <summary>Wraps the last registration of <typeparamref name="TService"/> (a type the package keeps internal) in <paramref name="decorate"/>.</summary>
    private static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var registered = services.Last(d => d.ServiceType == typeof(TService));
        var implementation = registered.ImplementationType
            ?? throw new InvalidOperationException($"{typeof(TService).Name} is expected to be registered by type.");
        services.RemoveAll<TService>();
        services.AddSingleton(sp => decorate(sp, (TService)ActivatorUtilities.CreateInstance(sp, implementation)));
    }
}

/// <summary>The prefix of the platform's keys and channels in Redis.</summary>
public sealed record RedisNamespace(string Prefix)
{
    public RedisChannel TenantCatalogChannel => RedisChannel.Literal(Prefix + "tenant-catalog");

    /// <summary>A tenant's posts changed, so its feed counts are stale (message: the sending node's id, a colon, the tenant id).</summary>
    public RedisChannel FeedCountsChannel => RedisChannel.Literal(Prefix + "feed-counts");

    public RedisKey Key(string name) => Prefix + name;
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Infrastructure.Cluster;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Tenancy;

/// <summary>
/// The tenant catalog held in memory as an immutable snapshot and refreshed after a configurable interval, so
/// resolving a tenant costs no database round trip. The database stays the only source of truth, but while it cannot
/// be reached the last snapshot keeps serving: an outage must not turn every request (and the liveness probe) into a
/// failed refresh. Only a catalog that never loaded has nothing to serve and throws.
/// </summary>
public sealed partial class TenantCatalog(
    IServiceScopeFactory scopeFactory, IOptions<TenancyOptions> options, TimeProvider clock, IClusterSignals cluster, ILogger<TenantCatalog> logger)
    : ITenantCatalog, IDisposable
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly TenancyOptions _options = options.Value;
    private volatile Snapshot? _snapshot;
    private int _generation;

    public async ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).BySlug.GetValueOrDefault(slug);

    public async ValueTask<TenantInfo?> FindByHostAsync(string host, CancellationToken cancellationToken = default)
    {
        if (NormalizeHost(host) is not { } normalized)
        {
            return null;
        }

        var snapshot = await GetSnapshotAsync(cancellationToken);
        if (snapshot.ByHost.TryGetValue(normalized, out var tenant))
        {
            return tenant;
        }

        var suffix = "." + _options.BaseHost.ToLowerInvariant();
        if (normalized.Length > suffix.Length && normalized.EndsWith(suffix, StringComparison.Ordinal))
        {
            var slug = normalized[..^suffix.Length];
            return snapshot.BySlug.GetValueOrDefault(slug);
        }

        return null;
    }

    public async ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).ById.GetValueOrDefault(id);

    public async ValueTask<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).All;

    /// <summary>
    /// The next lookup waits for a fresh read (this node's own change shows at once); the old snapshot stays as the
    /// fallback. The other nodes of a cluster are told to do the same (ADR-029).
    /// </summary>
    public void Invalidate()
    {
        InvalidateLocally();
        cluster.TenantCatalogChanged();
    }

    /// <summary>As <see cref="Invalidate"/>, on this node only: another node changed a tenant and said so.</summary>
    public void InvalidateLocally() => Interlocked.Increment(ref _generation);

    public void Dispose() => _refreshLock.Dispose();

    /// <summary>
    /// Host names compare case-insensitively (RFC 4343) and in their ASCII form (an IDN in Unicode and its
    /// <c>xn--</c> form are one name); a trailing root dot is the same name too. A host that is no valid name matches nothing.
    /// </summary>
    public static string? NormalizeHost(string host)
    {
        var trimmed = host.TrimEnd('.');
        if (trimmed.Length == 0)
        {
            return null;
        }

        try
        {
            // Both directions: an "xn--" label that does not decode is no name either (ASP.NET Core's HostString
            // would throw on it later).
            var ascii = Idn.GetAscii(trimmed).ToLowerInvariant();
            _ = Idn.GetUnicode(ascii);
            return ascii;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async ValueTask<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        var generation = Volatile.Read(ref _generation);
        if (snapshot is not null && snapshot.Generation == generation && clock.GetUtcNow() < snapshot.ExpiresAt)
        {
            return snapshot;
        }

        // Merely expired: one request refreshes, the others keep using the snapshot meanwhile instead of queueing.
        // Invalidated or never loaded: everyone waits for the read.
        var mustWait = snapshot is null || snapshot.Generation != generation;
        if (!mustWait && !await _refreshLock.WaitAsync(0, cancellationToken))
        {
            return snapshot!;
        }

        if (mustWait)
        {
            await _refreshLock.WaitAsync(cancellationToken);
        }

        try
        {
            snapshot = _snapshot;
            generation = Volatile.Read(ref _generation);
            if (snapshot is not null && snapshot.Generation == generation && clock.GetUtcNow() < snapshot.ExpiresAt)
            {
                return snapshot;
            }

            try
            {
                snapshot = await LoadAsync(generation, cancellationToken);
            }
            catch (Exception e) when (snapshot is not null && !cancellationToken.IsCancellationRequested)
            {
                // Keep serving what we know and try again after the retry interval, not on every request.
                LogRefreshFailed(logger, e);
                snapshot = snapshot with { Generation = generation, ExpiresAt = clock.GetUtcNow() + _options.CatalogRetryInterval };
            }

            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(int generation, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tenants = await db.Tenants.AsNoTracking().ToListAsync(cancellationToken);
        var infos = tenants.Select(TenantMapper.ToInfo).ToList();
        var byHost = new Dictionary<string, TenantInfo>(StringComparer.Ordinal);
        foreach (var info in infos)
        {
            foreach (var host in info.Hostnames)
            {
                if (NormalizeHost(host) is { } normalized)
                {
                    byHost.TryAdd(normalized, info);
                }
            }
        }

        return new Snapshot(
            infos,
            infos.ToDictionary(t => t.Slug, StringComparer.Ordinal),
            infos.ToDictionary(t => t.Id),
            byHost,
            generation,
            clock.GetUtcNow() + _options.CatalogRefreshInterval);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tenant catalog could not be refreshed; serving the last snapshot")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    private sealed record Snapshot(
        IReadOnlyList<TenantInfo> All,
        Dictionary<string, TenantInfo> BySlug,
        Dictionary<Guid, TenantInfo> ById,
        Dictionary<string, TenantInfo> ByHost,
        int Generation,
        DateTimeOffset ExpiresAt);
}

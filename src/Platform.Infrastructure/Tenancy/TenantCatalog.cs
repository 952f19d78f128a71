using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Tenancy;

/// <summary>
/// The tenant catalog held in memory as an immutable snapshot and refreshed after a configurable interval, so
/// resolving a tenant costs no database round trip. The database stays the only source of truth.
/// </summary>
public sealed class TenantCatalog(IServiceScopeFactory scopeFactory, IOptions<TenancyOptions> options, TimeProvider clock)
    : ITenantCatalog, IDisposable
{
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly TenancyOptions _options = options.Value;
    private volatile Snapshot? _snapshot;

    public async ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).BySlug.GetValueOrDefault(slug);

    public async ValueTask<TenantInfo?> FindByHostAsync(string host, CancellationToken cancellationToken = default)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        if (snapshot.ByHost.TryGetValue(host, out var tenant))
        {
            return tenant;
        }

        var suffix = "." + _options.BaseHost;
        if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            var slug = host[..^suffix.Length];
            return snapshot.BySlug.GetValueOrDefault(slug);
        }

        return null;
    }

    public async ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).ById.GetValueOrDefault(id);

    public async ValueTask<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        (await GetSnapshotAsync(cancellationToken)).All;

    public void Invalidate() => _snapshot = null;

    public void Dispose() => _refreshLock.Dispose();

    private async ValueTask<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() < snapshot.ExpiresAt)
        {
            return snapshot;
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && clock.GetUtcNow() < snapshot.ExpiresAt)
            {
                return snapshot;
            }

            snapshot = await LoadAsync(cancellationToken);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tenants = await db.Tenants.AsNoTracking().ToListAsync(cancellationToken);
        var infos = tenants.Select(TenantMapper.ToInfo).ToList();
        var byHost = new Dictionary<string, TenantInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var info in infos)
        {
            foreach (var host in info.Hostnames)
            {
                byHost.TryAdd(host, info);
            }
        }

        return new Snapshot(
            infos,
            infos.ToDictionary(t => t.Slug, StringComparer.Ordinal),
            infos.ToDictionary(t => t.Id),
            byHost,
            clock.GetUtcNow() + _options.CatalogRefreshInterval);
    }

    private sealed record Snapshot(
        IReadOnlyList<TenantInfo> All,
        Dictionary<string, TenantInfo> BySlug,
        Dictionary<Guid, TenantInfo> ById,
        Dictionary<string, TenantInfo> ByHost,
        DateTimeOffset ExpiresAt);
}

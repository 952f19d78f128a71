namespace Platform.Application.Common;

/// <summary>The cached catalog of tenants, looked up by slug, hostname or id without touching the database.</summary>
public interface ITenantCatalog
{
    ValueTask<TenantInfo?> FindBySlugAsync(string slug, CancellationToken cancellationToken = default);

    ValueTask<TenantInfo?> FindByHostAsync(string host, CancellationToken cancellationToken = default);

    ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default);

    ValueTask<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Drops the cached copy so the next lookup reads the database again.</summary>
    void Invalidate();
}

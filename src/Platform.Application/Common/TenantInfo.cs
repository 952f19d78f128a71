using Platform.Domain.Tenants;

namespace Platform.Application.Common;

/// <summary>An immutable snapshot of a tenant as request handling needs it; cached, so no database round trip.</summary>
public sealed record TenantInfo(
    Guid Id,
    string Slug,
    string DisplayName,
    TenantStatus Status,
    IReadOnlyList<string> Hostnames,
    TenantBranding Branding,
    TenantContact Contact,
    TenantLinks Links);

/// <summary>Reads the tenant of the current request or job. Null where no tenant applies (landing page, admin).</summary>
public interface ICurrentTenant
{
    TenantInfo? Tenant { get; }

    /// <summary>The current tenant's id, or an exception for code that must not run without a tenant.</summary>
    Guid RequiredId => Tenant?.Id ?? throw new TenantRequiredException();
}

/// <summary>Sets the tenant for the current scope; only tenancy code (resolution middleware, job runner) uses it.</summary>
public interface ICurrentTenantSetter
{
    void SetTenant(TenantInfo? tenant);
}

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

public sealed class TenantRequiredException() : InvalidOperationException("This operation needs a current tenant.");

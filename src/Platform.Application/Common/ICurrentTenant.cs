namespace Platform.Application.Common;

/// <summary>Reads the tenant of the current request or job. Null where no tenant applies (landing page, admin).</summary>
public interface ICurrentTenant
{
    TenantInfo? Tenant { get; }

    /// <summary>The current tenant's id, or an exception for code that must not run without a tenant.</summary>
    Guid RequiredId => Tenant?.Id ?? throw new TenantRequiredException();
}

using Platform.Application.Common;

namespace Platform.Infrastructure.Tenancy;

/// <summary>The tenant of the current scope (a request or a job), set once by tenancy code.</summary>
public sealed class CurrentTenant : ICurrentTenant, ICurrentTenantSetter
{
    public TenantInfo? Tenant { get; private set; }

    public void SetTenant(TenantInfo? tenant) => Tenant = tenant;
}

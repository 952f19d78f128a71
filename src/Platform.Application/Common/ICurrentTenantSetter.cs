namespace Platform.Application.Common;

/// <summary>Sets the tenant for the current scope; only tenancy code (resolution middleware, job runner) uses it.</summary>
public interface ICurrentTenantSetter
{
    void SetTenant(TenantInfo? tenant);
}

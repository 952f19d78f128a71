using Platform.Application.Common;

namespace Platform.Api.Tenancy;

/// <summary>Tenant-scoped endpoints answer 404 on the bare host, where no tenant was resolved.</summary>
public sealed class RequireTenantFilter(ICurrentTenant currentTenant) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        currentTenant.Tenant is null ? throw new TenantRequiredException() : next(context);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Application.Common;

namespace Platform.Infrastructure.Tenancy;

/// <summary>
/// Runs work inside a fresh scope whose tenant is set from an id (a job's argument, a newly onboarded jobcenter),
/// with the tenant in every log line of that work.
/// </summary>
public sealed class TenantScopeRunner(IServiceScopeFactory scopeFactory, ITenantCatalog catalog, ILogger<TenantScopeRunner> logger)
    : ITenantScopeRunner
{
    public async Task<bool> RunAsync(Guid tenantId, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var tenant = await catalog.FindByIdAsync(tenantId, cancellationToken);
        if (tenant is null)
        {
            return false;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentTenantSetter>().SetTenant(tenant);
        using (logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenant.Id, ["Tenant"] = tenant.Slug }))
        {
            await work(scope.ServiceProvider, cancellationToken);
        }

        return true;
    }
}

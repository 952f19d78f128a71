using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Application.Common;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Runs job work inside a fresh scope whose tenant is restored from the job's arguments, with the tenant in every
/// log line of that work.
/// </summary>
public sealed class TenantJobRunner(IServiceScopeFactory scopeFactory, ITenantCatalog catalog, ILogger<TenantJobRunner> logger)
{
    /// <summary>Runs <paramref name="work"/> for the tenant; returns false without running it if the tenant is gone.</summary>
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

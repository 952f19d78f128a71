using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;

namespace Platform.TestSupport;

/// <summary>Runs test code in a fresh scope of a container, as one tenant, the way a request or a job does.</summary>
public static class TenantScopes
{
    public static async Task<T> InTenantAsync<T>(this IServiceProvider services, string slug, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<ITenantCatalog>().FindBySlugAsync(slug)
            ?? throw new InvalidOperationException($"No tenant '{slug}'.");
        scope.ServiceProvider.GetRequiredService<ICurrentTenantSetter>().SetTenant(tenant);
        return await work(scope.ServiceProvider);
    }
}

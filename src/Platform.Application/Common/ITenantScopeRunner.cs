namespace Platform.Application.Common;

/// <summary>
/// Runs work in a fresh scope as another tenant, for the few use cases that cross from the platform scope into a
/// tenant (onboarding a jobcenter writes its first invitation and audit entry into that jobcenter).
/// </summary>
public interface ITenantScopeRunner
{
    /// <summary>Runs <paramref name="work"/> as the tenant; returns false without running it if the tenant is unknown.</summary>
    Task<bool> RunAsync(Guid tenantId, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken);
}

using Mediator;

namespace Platform.Application.Common;

/// <summary>
/// The one way work crosses into a tenant from outside a tenant's request: a job with a tenant id, the recurring jobs
/// that visit every jobcenter, onboarding that writes a new jobcenter's first invitation. Each request runs through the
/// mediator in a fresh scope whose tenant is set, with the tenant in every log line.
/// </summary>
public interface ITenantScopeRunner
{
    /// <summary>Sends the command as the tenant.</summary>
    /// <exception cref="UnknownTenantException">No tenant has this id.</exception>
    Task<TResponse> SendAsync<TResponse>(Guid tenantId, ICommand<TResponse> command, CancellationToken cancellationToken);

    /// <summary>Sends the query as the tenant.</summary>
    /// <exception cref="UnknownTenantException">No tenant has this id.</exception>
    Task<TResponse> SendAsync<TResponse>(Guid tenantId, IQuery<TResponse> query, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> for every tenant, one after the other. A tenant whose work fails is logged as
    /// "<paramref name="activity"/> failed" and does not stop the others; cancellation does.
    /// </summary>
    Task ForEachTenantAsync(string activity, Func<TenantInfo, CancellationToken, Task> work, CancellationToken cancellationToken);
}

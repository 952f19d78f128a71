using Mediator;
using Platform.Application.Common;

namespace Platform.Infrastructure.Jobs;

/// <summary>What the jobs that work through every jobcenter share: one command each, as that tenant, that answers a count.</summary>
internal static class EveryTenant
{
    /// <summary>
    /// Sends <paramref name="command"/> as each tenant in turn (one tenant's failure is logged as
    /// "<paramref name="activity"/> failed" and does not stop the others) and reports each count above zero.
    /// </summary>
    public static Task SendAsync(
        ITenantScopeRunner tenants, string activity, ICommand<int> command, Action<int, string> counted, CancellationToken cancellationToken) =>
        tenants.ForEachTenantAsync(activity, async (tenant, ct) =>
        {
            var count = await tenants.SendAsync(tenant.Id, command, ct);
            if (count > 0)
            {
                counted(count, tenant.Slug);
            }
        }, cancellationToken);
}

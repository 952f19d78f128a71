using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Tenants;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// "Healthy but stuck" must not happen: /health/status is Degraded while any tenant has a scheduled post more than the
/// grace (a minute) past its time. Degraded rather than Unhealthy, so a stuck job shows on the monitor without taking
/// every node out of the load balancer. Each tenant is asked in its own scope, as the jobs do.
/// </summary>
public sealed class OverduePostsHealthCheck(ITenantCatalog catalog, ITenantScopeRunner tenants, IOptions<JobsOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stuck = new Dictionary<Guid, int>();
        // A suspended jobcenter's posts wait on purpose (ADR-008): they are not stuck.
        foreach (var tenant in (await catalog.ListAsync(cancellationToken)).Where(t => t.Status != TenantStatus.Suspended))
        {
            var count = await tenants.SendAsync(tenant.Id, new CountStuckPostsQuery(options.Value.OverdueGrace), cancellationToken);
            if (count > 0)
            {
                stuck[tenant.Id] = count;
            }
        }

        // The status page answers on every host: it counts, but names no jobcenter (which one: the platform's
        // metrics and logs, by tenant id).
        return stuck.Count == 0
            ? HealthCheckResult.Healthy("No scheduled post is overdue.")
            : HealthCheckResult.Degraded($"{stuck.Values.Sum()} overdue scheduled post(s) in {stuck.Count} jobcenter(s).");
    }
}

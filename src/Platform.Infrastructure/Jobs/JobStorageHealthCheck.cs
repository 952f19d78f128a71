using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The job storage answers (readiness: this node can enqueue and schedule) and, with <paramref name="requireServer"/>
/// (the status page), at least one job server is alive somewhere in the cluster; Degraded when none is, since nothing
/// would then publish. A web-only node serves without a job server of its own.
/// </summary>
public sealed class JobStorageHealthCheck(JobStorage storage, bool requireServer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(servers == 0 && requireServer
                ? HealthCheckResult.Degraded("The job storage answers, but no job server is running.")
                : HealthCheckResult.Healthy($"The job storage answers; {servers} job server(s)."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage does not answer.", ex));
        }
    }
}

using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Readiness: the job storage answers, so this node can enqueue and schedule. Whether any job server runs is a
/// question for the status page (<see cref="JobServersHealthCheck"/>): a web-only node serves without one here.
/// </summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(HealthCheckResult.Healthy($"The job storage answers; {servers.Count} job server(s)."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage does not answer.", ex));
        }
    }
}

/// <summary>Status: at least one job server is alive somewhere in the cluster; Degraded when none is (nothing would publish).</summary>
public sealed class JobServersHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            return Task.FromResult(servers.Count > 0
                ? HealthCheckResult.Healthy($"{servers.Count} job server(s)")
                : HealthCheckResult.Degraded("The job storage answers, but no job server is running."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage does not answer.", ex));
        }
    }
}

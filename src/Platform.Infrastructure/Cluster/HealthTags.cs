namespace Platform.Infrastructure.Cluster;

/// <summary>Which health endpoint a check belongs to.</summary>
public static class HealthTags
{
    /// <summary>
    /// <c>/health/ready</c>, what a load balancer acts on: the node can serve (database and job storage answer). Any
    /// check that is not Healthy makes it 503, so the balancer sends no requests here.
    /// </summary>
    public const string Ready = "ready";

    /// <summary>
    /// <c>/health/status</c>, what an operator watches: readiness and also what is wrong without making the node unable
    /// to serve (an overdue scheduled post, Redis away). 200 while Healthy or Degraded, 503 when Unhealthy.
    /// </summary>
    public const string Status = "status";
}

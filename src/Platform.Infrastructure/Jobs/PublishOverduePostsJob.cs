using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Application.Posts;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The recurring catch-up: publishes every overdue scheduled post of every tenant (after downtime or a lost job) and
/// unpublishes posts whose expiry has passed. One tenant's failure does not stop the others. A tenant's overdue posts
/// go out <see cref="JobsOptions.CatchUpParallelism"/> at a time; each publication is idempotent and has its own scope.
/// </summary>
public sealed partial class PublishOverduePostsJob(
    ITenantScopeRunner tenants, PostPublisher publisher, IOptions<JobsOptions> options, ILogger<PublishOverduePostsJob> logger)
{
    public const string RecurringJobId = "publish-overdue-posts";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) =>
        tenants.ForEachTenantAsync("Catch-up", async (tenant, ct) =>
        {
            var overdue = await tenants.SendAsync(tenant.Id, new GetOverduePostsQuery(), ct);
            var expired = await tenants.SendAsync(tenant.Id, new UnpublishExpiredPostsCommand(), ct);
            if (expired > 0)
            {
                LogExpired(logger, expired, tenant.Slug);
            }

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.CatchUpParallelism), CancellationToken = ct };
            await Parallel.ForEachAsync(overdue, parallel, async (postId, token) => await publisher.PublishAsync(tenant.Id, postId, token));

            if (overdue.Count > 0)
            {
                LogCaughtUp(logger, overdue.Count, tenant.Slug);
            }
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up handled {Count} overdue posts of {Tenant}")]
    private static partial void LogCaughtUp(ILogger logger, int count, string tenant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up unpublished {Count} expired posts of {Tenant}")]
    private static partial void LogExpired(ILogger logger, int count, string tenant);
}

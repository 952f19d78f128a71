using Hangfire;
using Microsoft.Extensions.Logging;
using Platform.Application.Common;
using Platform.Application.Posts;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The recurring catch-up: publishes every overdue scheduled post of every tenant (after downtime or a lost job) and
/// unpublishes posts whose expiry has passed. One tenant's failure does not stop the others; one run at a time
/// across the nodes (<see cref="IJobLock"/>).
/// </summary>
public sealed partial class PublishOverduePostsJob(ITenantScopeRunner tenants, PostPublisher publisher, IJobLock locks, ILogger<PublishOverduePostsJob> logger)
{
    public const string RecurringJobId = "publish-overdue-posts";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => locks.RunAloneAsync(RecurringJobId, logger, CatchUpAsync, cancellationToken);

    private Task CatchUpAsync(CancellationToken cancellationToken) =>
        tenants.ForEachTenantAsync("Catch-up", async (tenant, ct) =>
        {
            var overdue = await tenants.SendAsync(tenant.Id, new GetOverduePostsQuery(), ct);
            var expired = await tenants.SendAsync(tenant.Id, new UnpublishExpiredPostsCommand(), ct);
            if (expired > 0)
            {
                LogExpired(logger, expired, tenant.Slug);
            }

            foreach (var postId in overdue)
            {
                await publisher.PublishAsync(tenant.Id, postId, ct);
            }

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

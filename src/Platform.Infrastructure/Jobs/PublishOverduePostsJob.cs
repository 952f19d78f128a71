using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Infrastructure.Tenancy;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The recurring catch-up: publishes every overdue scheduled post of every tenant (after downtime or a lost job) and
/// unpublishes posts whose expiry has passed. One tenant's failure does not stop the others.
/// </summary>
public sealed partial class PublishOverduePostsJob(
    ITenantCatalog catalog, TenantScopeRunner runner, PostPublisher publisher, ILogger<PublishOverduePostsJob> logger)
{
    public const string RecurringJobId = "publish-overdue-posts";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in await catalog.ListAsync(cancellationToken))
        {
            try
            {
                IReadOnlyList<Guid> overdue = [];
                await runner.RunAsync(
                    tenant.Id,
                    async (services, ct) =>
                    {
                        var mediator = services.GetRequiredService<IMediator>();
                        overdue = await mediator.Send(new GetOverduePostsQuery(), ct);
                        var expired = await mediator.Send(new UnpublishExpiredPostsCommand(), ct);
                        if (expired > 0)
                        {
                            LogExpired(logger, expired, tenant.Slug);
                        }
                    },
                    cancellationToken);

                foreach (var postId in overdue)
                {
                    await publisher.PublishAsync(tenant.Id, postId, cancellationToken);
                }

                if (overdue.Count > 0)
                {
                    LogCaughtUp(logger, overdue.Count, tenant.Slug);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTenantFailed(logger, ex, tenant.Slug);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up handled {Count} overdue posts of {Tenant}")]
    private static partial void LogCaughtUp(ILogger logger, int count, string tenant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up unpublished {Count} expired posts of {Tenant}")]
    private static partial void LogExpired(ILogger logger, int count, string tenant);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catch-up failed for tenant {Tenant}")]
    private static partial void LogTenantFailed(ILogger logger, Exception exception, string tenant);
}

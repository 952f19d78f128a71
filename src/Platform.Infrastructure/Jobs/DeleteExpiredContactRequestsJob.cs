using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Application.Common;
using Platform.Application.ContactRequests;
using Platform.Infrastructure.Tenancy;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The recurring retention job: deletes every tenant's contact requests older than that tenant's retention period.
/// One tenant's failure does not stop the others.
/// </summary>
public sealed partial class DeleteExpiredContactRequestsJob(ITenantCatalog catalog, TenantScopeRunner runner, ILogger<DeleteExpiredContactRequestsJob> logger)
{
    public const string RecurringJobId = "delete-expired-contact-requests";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in await catalog.ListAsync(cancellationToken))
        {
            try
            {
                await runner.RunAsync(
                    tenant.Id,
                    async (services, ct) =>
                    {
                        var deleted = await services.GetRequiredService<IMediator>().Send(new DeleteExpiredContactRequestsCommand(), ct);
                        if (deleted > 0)
                        {
                            LogDeleted(logger, deleted, tenant.Slug);
                        }
                    },
                    cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTenantFailed(logger, ex, tenant.Slug);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} contact requests of {Tenant}")]
    private static partial void LogDeleted(ILogger logger, int count, string tenant);

    [LoggerMessage(Level = LogLevel.Error, Message = "Contact request retention failed for tenant {Tenant}")]
    private static partial void LogTenantFailed(ILogger logger, Exception exception, string tenant);
}

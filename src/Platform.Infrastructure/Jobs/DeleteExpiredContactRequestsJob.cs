using Hangfire;
using Microsoft.Extensions.Logging;
using Platform.Application.Common;
using Platform.Application.ContactRequests;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The recurring retention job: deletes every tenant's contact requests older than that tenant's retention period.
/// One tenant's failure does not stop the others.
/// </summary>
public sealed partial class DeleteExpiredContactRequestsJob(ITenantScopeRunner tenants, IJobLock locks, ILogger<DeleteExpiredContactRequestsJob> logger)
{
    public const string RecurringJobId = "delete-expired-contact-requests";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => locks.RunAloneAsync(RecurringJobId, logger, DeleteAsync, cancellationToken);

    private Task DeleteAsync(CancellationToken cancellationToken) =>
        EveryTenant.SendAsync(
            tenants, "Contact request retention", new DeleteExpiredContactRequestsCommand(), (deleted, tenant) => LogDeleted(logger, deleted, tenant), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} contact requests of {Tenant}")]
    private static partial void LogDeleted(ILogger logger, int count, string tenant);
}

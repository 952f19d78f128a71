using Hangfire;
using Microsoft.Extensions.Logging;
using Platform.Application.Common;
using Platform.Application.Reminders;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The recurring daily digest (<see cref="JobsOptions.StaffDigestCron"/>, Europe/Berlin): every jobcenter queues the
/// digests of its team, which the delivery engine then sends. One run at a time across the nodes; one tenant's
/// failure does not stop the others; a second run the same day queues nothing twice.
/// </summary>
public sealed partial class SendStaffDigestsJob(ITenantScopeRunner tenants, IJobLock locks, ILogger<SendStaffDigestsJob> logger)
{
    public const string RecurringJobId = "staff-digest";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => locks.RunAloneAsync(RecurringJobId, logger, QueueAsync, cancellationToken);

    /// <summary>Queues the digests of every jobcenter now (the recurring run, or a test).</summary>
    public Task QueueAsync(CancellationToken cancellationToken) =>
        EveryTenant.SendAsync(tenants, "Staff digest", new QueueStaffDigestsCommand(), (queued, tenant) => LogQueued(logger, queued, tenant), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} staff digests of {Tenant}")]
    private static partial void LogQueued(ILogger logger, int count, string tenant);
}

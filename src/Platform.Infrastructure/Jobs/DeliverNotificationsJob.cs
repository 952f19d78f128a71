using System.Diagnostics;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Application.Reminders;
using Platform.Infrastructure.Notifications;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The delivery engine: one recurring job (not one job per message) that, for <see cref="NotificationOptions.RunFor"/>,
/// drains every tenant's due messages in batches and then polls every <see cref="NotificationOptions.PollInterval"/>.
/// Runs may overlap (a slow run and the next one, or several nodes): the claims in
/// <see cref="DeliverDueNotificationsCommand"/> keep every message to one worker.
/// </summary>
public sealed partial class DeliverNotificationsJob(
    ITenantCatalog catalog, ITenantScopeRunner scopes, IOptions<NotificationOptions> options, TimeProvider clock, ILogger<DeliverNotificationsJob> logger)
{
    public const string RecurringJobId = "deliver-notifications";

    /// <summary>
    /// The engine's own queue, served by a job server with one worker per node: a run that polls for a minute never takes
    /// a worker from the other jobs (account e-mails, publishing), and runs on one node follow each other.
    /// </summary>
    public const string Queue = "notifications";

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var stopAt = Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested && stopAt.Elapsed < settings.RunFor)
        {
            if (await DeliverDueAsync(cancellationToken) == 0)
            {
                await Task.Delay(settings.PollInterval, clock, cancellationToken);
            }
        }
    }

    /// <summary>One pass: every tenant until nothing is due. Returns how many messages were claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var total = 0;

        // Lanes: every tenant at least one; with fewer tenants than the parallelism, several lanes share a tenant (their
        // claims keep them apart), so one busy jobcenter still gets all connections.
        var tenants = await catalog.ListAsync(cancellationToken);
        var lanesPerTenant = Math.Max(1, settings.Parallelism / Math.Max(1, tenants.Count));
        var lanes = Enumerable.Range(0, lanesPerTenant).SelectMany(_ => tenants).ToList();
        await Parallel.ForEachAsync(
            lanes,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellationToken },
            async (tenant, ct) =>
            {
                try
                {
                    while (true)
                    {
                        var result = await scopes.SendAsync(tenant.Id, new DeliverDueNotificationsCommand(settings.BatchSize, settings.Lease), ct);
                        Interlocked.Add(ref total, result.Claimed);
                        if (result.Claimed > 0)
                        {
                            LogBatch(logger, tenant.Slug, result.Claimed, result.Sent, result.Skipped, result.Retried, result.Postponed);
                        }

                        if (result.Claimed < settings.BatchSize)
                        {
                            break;
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTenantFailed(logger, ex, tenant.Slug);
                }
            });
        return total;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Tenant}: claimed {Claimed}, sent {Sent}, skipped {Skipped}, retry {Retried}, postponed {Postponed}")]
    private static partial void LogBatch(ILogger logger, string tenant, int claimed, int sent, int skipped, int retried, int postponed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivering notifications failed for tenant {Tenant}")]
    private static partial void LogTenantFailed(ILogger logger, Exception exception, string tenant);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Application.Reminders;

namespace Platform.Infrastructure.Notifications;

/// <summary>
/// Counts every tenant's due deliveries every <see cref="NotificationOptions.BacklogCountInterval"/> for the
/// <c>platform.reminder.due</c> gauge, which cannot query the database from its callback. Every node counts, so a
/// scrape of any node shows the cluster's backlog.
/// </summary>
public sealed partial class DueDeliveriesMonitor(
    ITenantCatalog catalog, ITenantScopeRunner scopes, PlatformMetrics metrics, IOptions<NotificationOptions> options, ILogger<DueDeliveriesMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The cadence is the machine's, not the platform's clock: a test's fake clock must not stop the gauge.
        using var timer = new PeriodicTimer(options.Value.BacklogCountInterval, TimeProvider.System);
        do
        {
            await CountAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One count of every tenant; a tenant that cannot be counted keeps its last figure.</summary>
    public async Task CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            var counts = new Dictionary<Guid, int>();
            foreach (var tenant in await catalog.ListAsync(cancellationToken))
            {
                counts[tenant.Id] = await scopes.SendAsync(tenant.Id, new CountDueDeliveriesQuery(), cancellationToken);
            }

            metrics.DueDeliveries.Set(counts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database outage: the gauge keeps the last count, the health check reports the outage.
            LogCountFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the due deliveries failed ({Exception}); the gauge keeps its last figure")]
    private static partial void LogCountFailed(ILogger logger, string exception);
}

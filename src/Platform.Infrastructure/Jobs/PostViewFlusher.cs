using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Application.Posts;

namespace Platform.Infrastructure.Jobs;

/// <summary>What one flush of the node's view counts did.</summary>
/// <param name="Readings">Readings added to the database.</param>
/// <param name="Rows">Daily rows updated or inserted.</param>
/// <param name="Batches">Transactions written, one per tenant with readings.</param>
/// <param name="Kept">Readings kept in the buffer for the next flush because their tenant's batch failed.</param>
public sealed record PostViewFlush(int Readings, int Rows, int Batches, int Kept);

/// <summary>
/// Adds this node's buffered readings (<see cref="PostViewBuffer"/>) to the daily counts every
/// <see cref="PostViewOptions.FlushInterval"/> and once more when the node stops (ADR-031). Each tenant's readings are
/// written in one transaction inside that tenant's scope, so row-level security sees the tenant that owns them; a
/// tenant whose batch fails (the database is away) gets its readings back for the next period. Nothing escapes: a
/// failure is logged, never thrown.
/// </summary>
public sealed partial class PostViewFlusher(
    PostViewBuffer buffer, ITenantScopeRunner scopes, IOptions<PostViewOptions> options, TimeProvider clock, ILogger<PostViewFlusher> logger)
    : BackgroundService
{
    // Never disposed: the host may stop the service again after disposing it (WebApplicationFactory does), and a
    // SemaphoreSlim whose wait handle is never asked for holds nothing to release.
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The platform's clock: a test moves it to trigger the period, or calls FlushAsync itself.
        using var timer = new PeriodicTimer(options.Value.FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var flush = await FlushAsync(cancellationToken);
        if (flush.Kept > 0)
        {
            LogLostAtShutdown(logger, flush.Kept);
        }
    }

    /// <summary>Writes everything the buffer holds now; one flush at a time. Never throws.</summary>
    public async Task<PostViewFlush> FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return new PostViewFlush(0, 0, 0, buffer.PendingKeys);
        }

        try
        {
            var (tenants, dropped) = buffer.Take();
            if (dropped > 0)
            {
                LogDropped(logger, dropped, options.Value.MaxPendingKeys);
            }

            int readings = 0, rows = 0, batches = 0, kept = 0;
            foreach (var (tenantId, tallies) in tenants)
            {
                var count = tallies.Sum(t => t.Count);
                try
                {
                    rows += await scopes.SendAsync(tenantId, new FlushPostViewsCommand(tallies), cancellationToken);
                    buffer.Written(tenantId);
                    readings += count;
                    batches++;
                }
                catch (UnknownTenantException)
                {
                    // The tenant is gone, and with it its posts.
                    buffer.Written(tenantId);
                }
                catch (Exception ex)
                {
                    buffer.Restore(tenantId, tallies);
                    kept += count;
                    LogFlushFailed(logger, ex.GetType().Name, count, tenantId);
                }
            }

            return new PostViewFlush(readings, rows, batches, kept);
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} post readings of tenant {TenantId} failed ({Exception}); they are kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, string exception, int count, Guid tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} post readings were not counted: the buffer holds at most {MaxPendingKeys} posts and days (Platform:PostViews:MaxPendingKeys)")]
    private static partial void LogDropped(ILogger logger, long count, int maxPendingKeys);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} post readings could not be written before the node stopped and are lost")]
    private static partial void LogLostAtShutdown(ILogger logger, int count);
}

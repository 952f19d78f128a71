using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The recurring <c>PRAGMA optimize</c> of the SQLite provider: re-analyses the tables whose size has changed enough
/// for the planner's statistics to mislead it. Cheap when nothing changed (SQLite limits the analysis itself).
/// </summary>
public sealed class OptimizeSqliteJob(IServiceScopeFactory scopeFactory, IJobLock locks, ILogger<OptimizeSqliteJob> logger)
{
    public const string RecurringJobId = "optimize-sqlite";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken cancellationToken) => locks.RunAloneAsync(RecurringJobId, logger, OptimizeAsync, cancellationToken);

    private async Task OptimizeAsync(CancellationToken cancellationToken)
    {
        // The platform's own scope: statistics are about tables, not a tenant's rows.
        await using var scope = scopeFactory.CreateAsyncScope();
        await SqliteTuning.OptimizeAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), cancellationToken);
    }
}

using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// The recurring <c>PRAGMA optimize</c> of the SQLite provider: re-analyses the tables whose size has changed enough
/// for the planner's statistics to mislead it. Cheap when nothing changed (SQLite limits the analysis itself).
/// </summary>
public sealed class OptimizeSqliteJob(IServiceScopeFactory scopeFactory)
{
    public const string RecurringJobId = "optimize-sqlite";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The platform's own scope: statistics are about tables, not a tenant's rows.
        await using var scope = scopeFactory.CreateAsyncScope();
        await SqliteTuning.OptimizeAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), cancellationToken);
    }
}

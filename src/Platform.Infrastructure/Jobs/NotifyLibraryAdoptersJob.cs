using Hangfire;
using Microsoft.Extensions.Logging;
using Platform.Application.Common;
using Platform.Application.Library;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// A new version of a library item is out: each jobcenter that adopted it alerts its own editors, as itself (its
/// team, its outbox, its row-level security). One jobcenter's failure does not stop the others; a retry alerts nobody
/// twice.
/// </summary>
public sealed partial class NotifyLibraryAdoptersJob(ITenantScopeRunner tenants, ILogger<NotifyLibraryAdoptersJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(Guid itemId, int version, CancellationToken cancellationToken) =>
        EveryTenant.SendAsync(
            tenants, "Library update alert", new AlertLibraryAdoptersCommand(itemId, version), (alerted, tenant) => LogAlerted(logger, alerted, tenant, version), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerted {Count} adoptions of {Tenant} to library version {Version}")]
    private static partial void LogAlerted(ILogger logger, int count, string tenant, int version);
}

/// <summary>Queues <see cref="NotifyLibraryAdoptersJob"/> for a newly published library version.</summary>
public sealed class HangfireLibraryUpdateNotifier(IBackgroundJobClient jobs) : ILibraryUpdateNotifier
{
    public void VersionPublished(Guid itemId, int version) =>
        jobs.Enqueue<NotifyLibraryAdoptersJob>(job => job.RunAsync(itemId, version, CancellationToken.None));
}

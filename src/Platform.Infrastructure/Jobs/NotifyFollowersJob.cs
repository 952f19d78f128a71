using Hangfire;
using Platform.Application.Common;
using Platform.Application.Reminders;

namespace Platform.Infrastructure.Jobs;

/// <summary>The one fan-out job per published post: creates the followers' messages in bulk.</summary>
public sealed class NotifyFollowersJob(ITenantScopeRunner tenants)
{
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(Guid tenantId, Guid postId, CancellationToken cancellationToken) =>
        tenants.SendAsync(tenantId, new NotifyFollowersCommand(postId), cancellationToken);
}

using Hangfire;
using Platform.Application.Reminders;

namespace Platform.Infrastructure.Jobs;

/// <summary>Queues the followers' fan-out of a published post as its own job, so publishing never waits for it.</summary>
public sealed class HangfireNewPostNotifier(IBackgroundJobClient jobs) : INewPostNotifier
{
    public void PostPublished(Guid tenantId, Guid postId) =>
        jobs.Enqueue<NotifyFollowersJob>(job => job.RunAsync(tenantId, postId, CancellationToken.None));
}

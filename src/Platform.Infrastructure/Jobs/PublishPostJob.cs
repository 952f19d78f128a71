using Hangfire;

namespace Platform.Infrastructure.Jobs;

/// <summary>The delayed job that publishes one post at its time. Safe to run any number of times.</summary>
public sealed class PublishPostJob(PostPublisher publisher)
{
    /// <summary>
    /// No Hangfire retries: the publisher retries itself a limited number of times and then marks the post Failed; if
    /// even that cannot be written, the post stays scheduled and the catch-up picks it up.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid tenantId, Guid postId, CancellationToken cancellationToken) =>
        publisher.PublishAsync(tenantId, postId, cancellationToken);
}

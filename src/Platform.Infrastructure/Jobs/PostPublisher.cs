using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Application.Posts;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Publishes one post of a tenant, as the delayed job and the catch-up both do: waits for a post that is a hair early,
/// tries a limited number of times, each attempt in a fresh scope, and after the last failed attempt leaves the post
/// Failed with the reason and tells its author. Running it any number of times gives one publication.
/// </summary>
public sealed partial class PostPublisher(
    ITenantScopeRunner tenants, TimeProvider clock, IOptions<JobsOptions> options, ILogger<PostPublisher> logger)
{
    /// <summary>
    /// Hangfire's due times are whole seconds and its poller may fire a job up to a second early. A job that
    /// arrives this close before the post's time waits for it; one that is further off belongs to an older schedule
    /// (the post was moved) and leaves the post to the job of its new time.
    /// </summary>
    public static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(5);

    public async Task PublishAsync(Guid tenantId, Guid postId, CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, options.Value.PublishAttempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PublishOnceAsync(tenantId, postId, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not UnknownTenantException)
            {
                var final = attempt >= attempts;
                LogAttemptFailed(logger, ex, postId, attempt, attempts);
                await tenants.SendAsync(tenantId, new RecordPublicationFailureCommand(postId, ex.Message, attempt, final), cancellationToken);
                if (final)
                {
                    return;
                }

                await Task.Delay(options.Value.PublishRetryDelay, clock, cancellationToken);
            }
        }
    }

    private async Task PublishOnceAsync(Guid tenantId, Guid postId, CancellationToken cancellationToken)
    {
        var outcome = await tenants.SendAsync(tenantId, new PublishDuePostCommand(postId), cancellationToken);

        // Timers may also wake a hair early, so check again until the post's own time has come.
        for (var attempt = 0; attempt < 3 && outcome.DueAt is { } dueAt; attempt++)
        {
            var wait = dueAt - clock.GetUtcNow().UtcDateTime;
            if (wait > EarlyTolerance)
            {
                break;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait + TimerSlack, clock, cancellationToken);
            }

            outcome = await tenants.SendAsync(tenantId, new PublishDuePostCommand(postId), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing post {PostId} failed (attempt {Attempt} of {Attempts})")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, Guid postId, int attempt, int attempts);
}

using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Posts;
using Platform.Infrastructure.Tenancy;

namespace Platform.Infrastructure.Jobs;

/// <summary>The delayed job that publishes one post at its time. Safe to run any number of times.</summary>
public sealed class PublishPostJob(TenantScopeRunner runner, TimeProvider clock)
{
    /// <summary>
    /// Hangfire's due times are whole seconds and its poller may fire a job up to a second early. A job that
    /// arrives this close before the post's time waits for it; one that is further off belongs to an older schedule
    /// (the post was moved) and leaves the post to the job of its new time.
    /// </summary>
    public static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(5);

    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(Guid tenantId, Guid postId, CancellationToken cancellationToken) =>
        runner.RunAsync(
            tenantId,
            async (services, ct) =>
            {
                var mediator = services.GetRequiredService<IMediator>();
                var outcome = await mediator.Send(new PublishDuePostCommand(postId), ct);

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
                        await Task.Delay(wait + TimerSlack, clock, ct);
                    }

                    outcome = await mediator.Send(new PublishDuePostCommand(postId), ct);
                }
            },
            cancellationToken);
}

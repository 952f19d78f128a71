using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Application.Common;
using Platform.Infrastructure.Jobs;

namespace Platform.TestSupport;

/// <summary>
/// Hangfire's scheduler fires a delayed job by the wall clock, not by <see cref="PlatformApp.Clock"/>: a test that moves
/// the fake clock to a post's time fires the post's job itself, and then polls for what the job does.
/// </summary>
public static class DelayedJobs
{
    /// <summary>
    /// Enqueues the delayed job that publishes the post now, as Hangfire does when its time comes, and returns the job's
    /// id; the job runs on the host's Hangfire server.
    /// </summary>
    public static async Task<string> FirePublicationAsync(PlatformApp app, string slug, Guid postId)
    {
        var job = await app.InTenantAsync(slug, async sp =>
            (await sp.GetRequiredService<IAppDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Id == postId)).PublicationJobId)
            ?? throw new InvalidOperationException($"Post {postId} has no delayed publication job.");
        if (!app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(job))
        {
            throw new InvalidOperationException($"The delayed job {job} is not in Hangfire's storage.");
        }

        return job;
    }

    /// <summary>
    /// Waits for the mail that tells <paramref name="author"/> a publication failed for good. The publisher pauses
    /// between its attempts on the platform's clock, so at every poll the fake clock moves on by that pause.
    /// </summary>
    public static Task<ReceivedMail> FailureMailAsync(PlatformApp app, string author)
    {
        var clock = app.Clock ?? throw new InvalidOperationException("Only an app on a fake clock lets the test move time.");
        var pause = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value.PublishRetryDelay;
        return Eventually.EventuallyAsync(
            () =>
            {
                clock.Advance(pause);
                return Task.FromResult(app.Mail.To(author) is [var first, ..] ? first : null);
            },
            $"the failure mail to {author}");
    }
}

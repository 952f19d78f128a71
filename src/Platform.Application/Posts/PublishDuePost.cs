using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Library;
using Platform.Application.Reminders;
using Platform.Domain.Posts;
using Platform.Domain.Tenants;

namespace Platform.Application.Posts;

/// <summary>
/// Publishes one scheduled post of the current tenant if it is due. Idempotent: a second run, an early run or a
/// run for a post that was rescheduled changes nothing. Each run that finds the post due is kept in its job history.
/// </summary>
public sealed record PublishDuePostCommand(Guid PostId) : ICommand<PublishOutcome>;

/// <summary>What a publication attempt did; <see cref="DueAt"/> is set when the post is not due yet.</summary>
public sealed record PublishOutcome(bool Published, DateTime? DueAt = null)
{
    public static readonly PublishOutcome Nothing = new(false);
}

/// <remarks><paramref name="followers"/> are told after the commit, so the followers of the post's topics hear of it once.</remarks>
public sealed class PublishDuePostHandler(
    IAppDbContext db, ICurrentTenant tenant, TimeProvider clock, INewPostNotifier followers, PlatformMetrics metrics)
    : ICommandHandler<PublishDuePostCommand, PublishOutcome>
{
    public async ValueTask<PublishOutcome> Handle(PublishDuePostCommand command, CancellationToken cancellationToken)
    {
        if (tenant.Tenant?.Status == TenantStatus.Suspended)
        {
            // A suspended jobcenter publishes nothing; its posts stay scheduled and the catch-up sends them later.
            return PublishOutcome.Nothing;
        }

        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == command.PostId, cancellationToken);
        if (post is null)
        {
            return PublishOutcome.Nothing;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (post.Status == PostStatus.Scheduled && post.PublishAt > now)
        {
            return new PublishOutcome(false, post.PublishAt);
        }

        if (post.Status != PostStatus.Scheduled)
        {
            if (post.Status == PostStatus.Published)
            {
                db.PostJobRuns.Add(PostJobRun.Record(post.TenantId, post.Id, post.PublishAt, now, PostJobOutcome.AlreadyDone, "Schon veröffentlicht: nichts zu tun."));
                await TrySaveAsync(cancellationToken);
            }

            // Withdrawn, cancelled or moved back to draft after the job was made: the row says no.
            return PublishOutcome.Nothing;
        }

        var scheduledFor = post.PublishAt;
        if (!post.Publish(now))
        {
            return PublishOutcome.Nothing;
        }

        post.AttachPublicationJob(null);
        db.PostJobRuns.Add(PostJobRun.Record(post.TenantId, post.Id, scheduledFor, now, PostJobOutcome.Published, "Veröffentlicht."));
        await db.MirrorCampaignAsync(post, now, cancellationToken);
        if (!await TrySaveAsync(cancellationToken))
        {
            return PublishOutcome.Nothing;
        }

        metrics.Published(post.TenantId, now - (scheduledFor ?? now));
        followers.PostPublished(post.TenantId, post.Id);
        return new PublishOutcome(true);
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another worker published it between our read and our write: that is the one publication.
            return false;
        }
    }
}

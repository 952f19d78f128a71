using Microsoft.EntityFrameworkCore;
using Platform.Application.Accounts;
using Platform.Application.Audit;
using Platform.Application.Common;
using Platform.Application.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>What every workflow step shares: the actor, the tenant's rule, saving, the audit entry and the job.</summary>
public static class PostWorkflow
{
    public static PostActor Actor(this ICurrentUser user) => new(user.RequiredId, string.IsNullOrEmpty(user.DisplayName) ? "?" : user.DisplayName);

    /// <summary>Whether the current tenant requires someone other than the author to approve (on by default).</summary>
    public static async Task<bool> FourEyesRuleAsync(this IAppDbContext db, ICurrentTenant tenant, CancellationToken cancellationToken) =>
        await db.Tenants.Where(t => t.Id == tenant.RequiredId).Select(t => t.FourEyesRule).SingleAsync(cancellationToken);

    /// <summary>Only Reviewers and TenantAdmins review; without the four-eyes rule editors may do it too.</summary>
    public static void RequireReviewer(this ICurrentUser user, bool fourEyesRule)
    {
        if (fourEyesRule && !user.IsInRole(Roles.Reviewer) && !user.IsInRole(Roles.TenantAdmin))
        {
            throw new ForbiddenException("Freigeben, planen und veröffentlichen dürfen hier nur Prüfende und die Leitung.");
        }
    }

    public static async Task<Post> LoadPostAsync(this IAppDbContext db, Guid postId, CancellationToken cancellationToken) =>
        await db.Posts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken)
            ?? throw new NotFoundException("Post", postId);

    /// <summary>
    /// Saves the step with its audit entry, then (only after the commit) makes the job system match the row: the old
    /// publication job is deleted, and a scheduled post gets a new one whose id the row keeps.
    /// </summary>
    public static async Task<PostState> CommitAsync(
        this IAppDbContext db,
        Post post,
        string action,
        ICurrentUser user,
        TimeProvider clock,
        IPostPublicationScheduler scheduler,
        CancellationToken cancellationToken)
    {
        var oldJob = post.PublicationJobId;
        await db.MirrorCampaignAsync(post, clock.GetUtcNow().UtcDateTime, cancellationToken);
        db.Record(post.TenantId, user, clock, action, post.Content.Title);
        await SaveAsync(db, cancellationToken);

        var needsJob = post.Status == PostStatus.Scheduled;
        if (oldJob is not null)
        {
            scheduler.Cancel(oldJob);
        }

        if (needsJob || oldJob is not null)
        {
            post.AttachPublicationJob(needsJob ? scheduler.SchedulePublication(post.TenantId, post.Id, post.PublishAt!.Value) : null);
            await SaveAsync(db, cancellationToken);
        }

        return new PostState(post.Id, post.Status, post.ContentVersion, post.PublishAt);
    }

    /// <summary>Another save (an editor, a job) got there first: the caller reloads and tries again.</summary>
    public static async Task SaveAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException(
                "Der Beitrag wurde gerade von jemand anderem geändert. Lade ihn neu und versuche es noch einmal. / The post was changed by someone else just now; reload it and try again.");
        }
    }
}

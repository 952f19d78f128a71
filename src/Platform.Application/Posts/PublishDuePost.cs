using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// Publishes one scheduled post of the current tenant if it is due. Idempotent: a second run, an early run or a
/// run for a post that was rescheduled changes nothing.
/// </summary>
public sealed record PublishDuePostCommand(Guid PostId) : ICommand<PublishOutcome>;

/// <summary>What a publication attempt did; <see cref="DueAt"/> is set when the post is not due yet.</summary>
public sealed record PublishOutcome(bool Published, DateTime? DueAt = null)
{
    public static readonly PublishOutcome Nothing = new(false);
}

/// <param name="followers">Told after the commit, so the followers of the post's topics hear of it once (optional in unit tests).</param>
public sealed class PublishDuePostHandler(IAppDbContext db, ICurrentTenant tenant, TimeProvider clock, Reminders.INewPostNotifier? followers = null)
    : ICommandHandler<PublishDuePostCommand, PublishOutcome>
{
    public async ValueTask<PublishOutcome> Handle(PublishDuePostCommand command, CancellationToken cancellationToken)
    {
        if (tenant.Tenant?.Status == Platform.Domain.Tenants.TenantStatus.Suspended)
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

        if (!post.Publish(now))
        {
            return PublishOutcome.Nothing;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            followers?.PostPublished(post.TenantId, post.Id);
            return new PublishOutcome(true);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another worker published it between our read and our write: that is the one publication.
            return PublishOutcome.Nothing;
        }
    }
}

/// <summary>The catch-up: publishes every scheduled post of the current tenant whose time has passed.</summary>
public sealed record PublishOverduePostsCommand : ICommand<int>;

public sealed class PublishOverduePostsHandler(IAppDbContext db, TimeProvider clock, IMediator mediator)
    : ICommandHandler<PublishOverduePostsCommand, int>
{
    public async ValueTask<int> Handle(PublishOverduePostsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Scheduled && p.PublishAt <= now)
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);

        var published = 0;
        foreach (var id in due)
        {
            if ((await mediator.Send(new PublishDuePostCommand(id), cancellationToken)).Published)
            {
                published++;
            }
        }

        return published;
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Library;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>Unpublishes every published post of the current tenant whose expiry has passed; returns how many.</summary>
public sealed record UnpublishExpiredPostsCommand : ICommand<int>;

public sealed class UnpublishExpiredPostsHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<UnpublishExpiredPostsCommand, int>
{
    public async ValueTask<int> Handle(UnpublishExpiredPostsCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.Posts
            .Where(p => p.Status == PostStatus.Published && p.Content.ExpiresAt != null && p.Content.ExpiresAt <= now)
            .ToListAsync(cancellationToken);
        foreach (var post in expired)
        {
            if (post.Expire(now))
            {
                db.PostJobRuns.Add(PostJobRun.Record(post.TenantId, post.Id, post.Content.ExpiresAt, now, PostJobOutcome.Unpublished, "Abgelaufen: zurückgenommen."));
                await db.MirrorCampaignAsync(post, now, cancellationToken);
            }
        }

        await PostWorkflow.SaveAsync(db, cancellationToken);
        return expired.Count;
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Application.Resources;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

/// <summary>
/// The fan-out of one newly published post: one delivery per follower of its topics and channel, created in bulk by
/// one job per post. The delivery keys (post and follower) make a second run add nothing.
/// </summary>
public sealed record NotifyFollowersCommand(Guid PostId) : ICommand<int>;

public sealed class NotifyFollowersHandler(IAppDbContext db, IRecipientDirectory directory, ICurrentTenant tenant, TimeProvider clock) : ICommandHandler<NotifyFollowersCommand, int>
{
    public async ValueTask<int> Handle(NotifyFollowersCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenant.RequiredId;
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == command.PostId && p.Status == PostStatus.Published)
            .Select(p => new { p.Id, p.Content.Title, p.Content.Topics })
            .FirstOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return 0;
        }

        var titles = await db.ApprovedTitlesAsync(post.Id, cancellationToken);
        string Title(NotificationWording wording) => titles.GetValueOrDefault(wording.Language) ?? post.Title;
        var topics = (int)post.Topics;
        var now = clock.GetUtcNow().UtcDateTime;
        var prefix = $"p:{post.Id:N}:";
        var existing = (await db.ReminderDeliveries.AsNoTracking()
            .Where(d => d.Key.StartsWith(prefix))
            .Select(d => d.Key)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var deliveries = new List<ReminderDelivery>();
        var followers = await db.NotificationPreferences.AsNoTracking()
            .Where(p => (p.FollowedTopics & topics) != 0)
            .ToListAsync(cancellationToken);
        var recipients = await directory.FindAsync([.. followers.Select(f => f.UserId)], cancellationToken);
        foreach (var follower in followers)
        {
            var wording = NotificationTexts.For(recipients.GetValueOrDefault(follower.UserId)?.Language);
            deliveries.Add(ReminderDelivery.ForPost(tenantId, post.Id, Title(wording), follower.UserId, null, NotificationChannel.InApp, now, wording));
            if (follower.EmailEnabled && !follower.IsMuted(NotificationChannel.Email, NotificationKind.NewPost))
            {
                deliveries.Add(ReminderDelivery.ForPost(tenantId, post.Id, Title(wording), follower.UserId, null, NotificationChannel.Email, now, wording));
            }

            if (follower.PushEnabled && !follower.IsMuted(NotificationChannel.Push, NotificationKind.NewPost))
            {
                deliveries.Add(ReminderDelivery.ForPost(tenantId, post.Id, Title(wording), follower.UserId, null, NotificationChannel.Push, follower.QuietHours.Delay(now), wording));
            }
        }

        var anonymous = await db.PushSubscriptions.AsNoTracking()
            .Where(s => s.UserId == null && (s.Topics & topics) != 0)
            .Select(s => new { s.Id, s.Language })
            .ToListAsync(cancellationToken);
        foreach (var subscription in anonymous)
        {
            var wording = NotificationTexts.For(subscription.Language);
            deliveries.Add(ReminderDelivery.ForPost(
                tenantId, post.Id, Title(wording), null, subscription.Id, NotificationChannel.Push, QuietHours.Default.Delay(now), wording));
        }

        var fresh = deliveries.Where(d => !existing.Contains(d.Key)).ToList();
        db.ReminderDeliveries.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run of the same fan-out got there first: its rows are the one notification per follower.
            return 0;
        }

        return fresh.Count;
    }
}

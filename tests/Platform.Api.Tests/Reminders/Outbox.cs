using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Application.Reminders;
using Platform.Domain.Posts;
using Platform.Domain.Reminders;
using Platform.TestSupport;

namespace Platform.Api.Tests.Reminders;

/// <summary>What the notification tests do to the outbox: publish a post its followers hear of, let time pass.</summary>
internal static class Outbox
{
    /// <summary>
    /// A post in "Geld" is published at <paramref name="now"/> (with approved translations of its title, where given)
    /// and its followers are told, as the publication's job does.
    /// </summary>
    public static Task PublishInGeldAsync(PlatformApp app, string slug, string title, DateTime now, IReadOnlyDictionary<string, string>? translations = null) =>
        app.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var content = new PostContent { Title = title, Summary = "Kurz", BodyMarkdown = "Text", Topics = Topics.Geld };
            var post = Post.Create(sp.GetRequiredService<ICurrentTenant>().RequiredId, content, PostActor.System, now.AddMinutes(-1));
            post.Publish(now);
            db.Posts.Add(post);
            foreach (var (language, translated) in translations ?? new Dictionary<string, string>())
            {
                var translation = PostTranslation.Create(post, language, new TranslationText { Title = translated }, PostActor.System, now);
                translation.SubmitForReview(now);
                translation.Approve(PostActor.System, now, fourEyesRule: false);
                db.PostTranslations.Add(translation);
            }

            await db.SaveChangesAsync();
            await sp.GetRequiredService<IMediator>().Send(new NotifyFollowersCommand(post.Id));
        });

    /// <summary>Time passes: every pending message of the tenant falls due at <paramref name="now"/>.</summary>
    public static Task<int> MakeDueAsync(PlatformApp app, string slug, DateTime now) =>
        app.InTenantAsync(slug, sp => sp.GetRequiredService<IAppDbContext>().ReminderDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.DueAt, now.AddSeconds(-1))));
}

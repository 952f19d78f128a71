using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Domain.Posts;
using Platform.TestSupport;

namespace Platform.Api.Tests.Posts;

/// <summary>Published posts made straight in a tenant's database, for tests of what readers see of them.</summary>
public static class PublishedPosts
{
    /// <summary>A published post of the tenant with <paramref name="slug"/> with a cover (the tiny PNG, re-encoded as on upload).</summary>
    public static Task<Guid> WithCoverAsync(PlatformApp app, string slug, string title, string summary = "Kurz") =>
        app.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var image = sp.GetRequiredService<IImageProcessor>().Reencode(EditorialApi.TinyPng, "coverImage");
            var now = DateTime.UtcNow;
            var post = Post.Create(
                sp.GetRequiredService<ICurrentTenant>().RequiredId,
                new PostContent { Title = title, Summary = summary, BodyMarkdown = "Text", Topics = Topics.Geld, HasCoverImage = true, CoverImageAlt = "Ein Bild" },
                PostActor.System,
                now);
            post.PublishNow(PostActor.System, now, fourEyesRule: false);
            db.Posts.Add(post);
            db.PostImages.Add(PostImage.Create(post.TenantId, post.Id, image.ContentType, image.Content, image.Width, image.Height, now));
            await db.SaveChangesAsync();
            return post.Id;
        });

    /// <summary>Published posts of the tenant with <paramref name="slug"/>, all at the same instant (as a batch of scheduled posts due in the same second).</summary>
    public static Task<IReadOnlyList<Guid>> AtTheSameTimeAsync(PlatformApp app, string slug, DateTime publishedAt, params string[] titles) =>
        app.InTenantAsync(slug, async sp =>
        {
            var db = sp.GetRequiredService<IAppDbContext>();
            var tenantId = sp.GetRequiredService<ICurrentTenant>().RequiredId;
            var ids = new List<Guid>();
            foreach (var title in titles)
            {
                var post = Post.Create(
                    tenantId, new PostContent { Title = title, Summary = "Kurz", BodyMarkdown = "Text", Topics = Topics.Wohnen }, PostActor.System, publishedAt);
                post.PublishNow(PostActor.System, publishedAt, fourEyesRule: false);
                db.Posts.Add(post);
                ids.Add(post.Id);
            }

            await db.SaveChangesAsync();
            return (IReadOnlyList<Guid>)ids;
        });
}

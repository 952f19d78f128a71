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
}

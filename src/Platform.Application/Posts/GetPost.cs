using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>One published post of the current tenant; anything else, another tenant's post included, is 404.</summary>
public sealed record GetPostQuery(Guid Id) : IQuery<PostDetail>;

/// <param name="Language">ISO code of the post's language (<c>de</c> unless the editors chose another).</param>
/// <param name="EasyLanguage">The "Einfache Sprache" version, where the editors wrote one.</param>
/// <param name="CoverImageAlt">Set when the post has a cover image (served at <c>api/v1/posts/{id}/cover</c>).</param>
/// <param name="Related">Up to three other published posts that share a topic, newest first.</param>
public sealed record PostDetail(
    Guid Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Topics,
    DateTime PublishedAt,
    string BodyHtml,
    bool IsDemo,
    string Language = Post.DefaultLanguage,
    PostEasyLanguage? EasyLanguage = null,
    PostCallToAction? CallToAction = null,
    string? CoverImageAlt = null,
    IReadOnlyList<RelatedPost>? Related = null,
    CoverImageInfo? Cover = null);

public sealed record PostEasyLanguage(string Title, string Summary, string BodyHtml);

public sealed record PostCallToAction(string Label, string Url);

public sealed record RelatedPost(Guid Id, string Title, DateTime PublishedAt);

public sealed class GetPostHandler(IAppDbContext db, Platform.Application.Posts.ITopicCatalog catalog) : IQueryHandler<GetPostQuery, PostDetail>
{
    private const int RelatedCount = 3;

    public async ValueTask<PostDetail> Handle(GetPostQuery query, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == query.Id && p.Status == PostStatus.Published)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Summary,
                p.Topics,
                p.PublishedAt,
                p.BodyMarkdown,
                p.IsDemo,
                p.Language,
                p.EasyTitle,
                p.EasySummary,
                p.EasyBodyMarkdown,
                p.CallToActionLabel,
                p.CallToActionUrl,
                p.HasCoverImage,
                p.CoverImageAlt,
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Post", query.Id);

        var topics = post.Topics;
        var related = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.Id != post.Id && (p.Topics & topics) != Topics.None)
            .OrderByDescending(p => p.PublishedAt)
            .Take(RelatedCount)
            .Select(p => new RelatedPost(p.Id, p.Title, p.PublishedAt!.Value))
            .ToListAsync(cancellationToken);
        var cover = post.HasCoverImage
            ? await db.PostImages.AsNoTracking()
                .Where(i => i.PostId == post.Id && i.Width > 0)
                .Select(i => new { i.Width, i.Height, i.UpdatedAt })
                .FirstOrDefaultAsync(cancellationToken)
            : null;

        return new PostDetail(
            post.Id,
            post.Title,
            post.Summary,
            (await catalog.ForCurrentTenantAsync(cancellationToken)).ToNames(post.Topics),
            post.PublishedAt!.Value,
            PostBodyRenderer.ToSafeHtml(post.BodyMarkdown),
            post.IsDemo,
            post.Language,
            string.IsNullOrWhiteSpace(post.EasyBodyMarkdown)
                ? null
                : new PostEasyLanguage(post.EasyTitle ?? post.Title, post.EasySummary ?? "", PostBodyRenderer.ToSafeHtml(post.EasyBodyMarkdown)),
            post.CallToActionLabel is { Length: > 0 } label && post.CallToActionUrl is { Length: > 0 } url ? new PostCallToAction(label, url) : null,
            post.HasCoverImage ? post.CoverImageAlt : null,
            related,
            cover is null ? null : new CoverImageInfo(cover.Width, cover.Height, CoverVersion.Of(cover.UpdatedAt)));
    }
}

/// <summary>
/// The cover image of a published post of the current tenant, for readers: the original, or a copy
/// <see cref="Width"/> pixels wide (one of <see cref="CoverWidths.All"/>; never wider than the original).
/// </summary>
public sealed record GetPublishedPostCoverQuery(Guid PostId, int? Width = null) : IQuery<CoverImageFile>;

public sealed class GetPublishedPostCoverHandler(IAppDbContext db, ICurrentTenant tenant, IImageProcessor images) : IQueryHandler<GetPublishedPostCoverQuery, CoverImageFile>
{
    public async ValueTask<CoverImageFile> Handle(GetPublishedPostCoverQuery query, CancellationToken cancellationToken)
    {
        var published = db.PostImages.AsNoTracking()
            .Where(i => i.PostId == query.PostId && db.Posts.Any(p => p.Id == i.PostId && p.Status == PostStatus.Published));
        var meta = await published.Select(i => new { i.Width, i.UpdatedAt }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Titelbild", query.PostId);
        var version = CoverVersion.Of(meta.UpdatedAt);
        if (query.Width is { } width && (meta.Width == 0 || width < meta.Width))
        {
            // The cache key names the tenant, the post and the image's version: a replaced image is never served old.
            var key = $"cover:{tenant.RequiredId:N}:{query.PostId:N}:{version}:{width}";
            var resized = await images.ResizeAsync(
                key,
                async () => await published.Select(i => i.Content).SingleOrDefaultAsync(cancellationToken),
                width,
                version,
                cancellationToken);
            if (resized is not null)
            {
                return resized;
            }
        }

        return await published.Select(i => new CoverImageFile(i.ContentType, i.Content, version)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Titelbild", query.PostId);
    }
}

/// <summary>The version of a cover in its address: changes whenever the image is replaced.</summary>
public static class CoverVersion
{
    public static string Of(DateTime updatedAt) => updatedAt.Ticks.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
}

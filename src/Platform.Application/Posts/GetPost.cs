using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>One published post of the current tenant; anything else, another tenant's post included, is 404.</summary>
public sealed record GetPostQuery(Guid Id) : IQuery<PostDetail>;

/// <remarks>
/// <para><paramref name="Language"/>: ISO code of the post's language (<c>de</c> unless the editors chose another).</para>
/// <para><paramref name="EasyLanguage"/>: the "Einfache Sprache" version, where the editors wrote one.</para>
/// <para><paramref name="CoverImageAlt"/>: set when the post has a cover image (served at <c>api/v1/posts/{id}/cover</c>).</para>
/// <para><paramref name="Related"/>: up to three other published posts that share a topic, newest first.</para>
/// </remarks>
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
    CoverImageInfo? Cover = null,
    int ContentVersion = 0);

public sealed record PostEasyLanguage(string Title, string Summary, string BodyHtml);

public sealed record PostCallToAction(string Label, string Url);

public sealed record RelatedPost(Guid Id, string Title, DateTime PublishedAt);

public sealed class GetPostHandler(IAppDbContext db, ITopicCatalog catalog) : IQueryHandler<GetPostQuery, PostDetail>
{
    private const int RelatedCount = 3;

    public async ValueTask<PostDetail> Handle(GetPostQuery query, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == query.Id && p.Status == PostStatus.Published)
            .Select(p => new
            {
                p.Id,
                p.Content.Title,
                p.Content.Summary,
                p.Content.Topics,
                p.PublishedAt,
                p.Content.BodyMarkdown,
                p.IsDemo,
                p.Content.Language,
                p.Content.EasyTitle,
                p.Content.EasySummary,
                p.Content.EasyBodyMarkdown,
                p.Content.CallToActionLabel,
                p.Content.CallToActionUrl,
                p.Content.HasCoverImage,
                p.Content.CoverImageAlt,
                p.ContentVersion,
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Post", query.Id);

        var topics = post.Topics;
        var related = await db.Posts.AsNoTracking()
            .Where(p => p.Status == PostStatus.Published && p.Id != post.Id && (p.Content.Topics & topics) != Topics.None)
            .OrderByDescending(p => p.PublishedAt)
            .Take(RelatedCount)
            .Select(p => new RelatedPost(p.Id, p.Content.Title, p.PublishedAt!.Value))
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
            cover is null ? null : new CoverImageInfo(cover.Width, cover.Height, CoverVersion.Of(cover.UpdatedAt)),
            post.ContentVersion);
    }
}

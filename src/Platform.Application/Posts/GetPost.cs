using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Posts;

namespace Platform.Application.Posts;

/// <summary>
/// One published post of the current tenant; anything else, another tenant's post included, is 404. With
/// <paramref name="Language"/> (the reader's language, or the one a link asks for) the post comes in that language where
/// an approved translation exists, in its own language otherwise (issue 14).
/// </summary>
public sealed record GetPostQuery(Guid Id, string? Language = null) : IQuery<PostDetail>;

/// <remarks>
/// <para><paramref name="Language"/>: ISO code of the post's language (<c>de</c> unless the editors chose another).</para>
/// <para><paramref name="EasyLanguage"/>: the "Einfache Sprache" version, where the editors wrote one.</para>
/// <para><paramref name="EasyRead"/>: the "Leichte Sprache" version (German, BITV 2.0 Annex 2), where the editors wrote one;
/// it is the post's own, also beside a translation.</para>
/// <para><paramref name="CoverImageAlt"/>: set when the post has a cover image (served at <c>api/v1/posts/{id}/cover</c>).</para>
/// <para><paramref name="Related"/>: up to three other published posts that share a topic, newest first.</para>
/// <para><paramref name="Languages"/>: every language the post can be read in, its own first, then its approved translations.</para>
/// <para><paramref name="OriginalLanguage"/>: the language the post was written in; <paramref name="Language"/> is the one shown.</para>
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
    int ContentVersion = 0,
    IReadOnlyList<string>? Languages = null,
    string OriginalLanguage = Post.DefaultLanguage,
    PostEasyLanguage? EasyRead = null)
{
    /// <summary>Whether the post is shown in a translation (not in the language it was written in).</summary>
    public bool IsTranslation => !string.Equals(Language, OriginalLanguage, StringComparison.Ordinal);
}

public sealed class GetPostValidator : AbstractValidator<GetPostQuery>
{
    public GetPostValidator() =>
        RuleFor(q => q.Language).ReaderLanguage();
}

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
                p.Content.EasyReadTitle,
                p.Content.EasyReadSummary,
                p.Content.EasyReadBodyMarkdown,
                p.Content.CallToActionLabel,
                p.Content.CallToActionUrl,
                p.Content.HasCoverImage,
                p.Content.CoverImageAlt,
                p.ContentVersion,
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Post", query.Id);

        var translations = await db.PostTranslations.AsNoTracking()
            .Where(t => t.PostId == post.Id && t.LiveVersion != null)
            .Select(t => new { t.Language, t.Live })
            .ToListAsync(cancellationToken);
        var wanted = TranslationWorkflow.LanguageCode(query.Language);
        var shown = translations.FirstOrDefault(t => t.Language == wanted);
        var languages = new List<string> { post.Language };
        languages.AddRange(PlatformLanguages.Codes.Where(code => code != post.Language && translations.Any(t => t.Language == code)));

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

        var (title, summary, body, easyTitle, easySummary, easyBody) = shown is { Live: var live }
            ? (live.Title, live.Summary, live.BodyMarkdown, live.EasyTitle, live.EasySummary, live.EasyBodyMarkdown)
            : (post.Title, post.Summary, post.BodyMarkdown, post.EasyTitle, post.EasySummary, post.EasyBodyMarkdown);
        return new PostDetail(
            post.Id,
            title,
            summary,
            (await catalog.ForCurrentTenantAsync(cancellationToken)).ToNames(post.Topics),
            post.PublishedAt!.Value,
            PostBodyRenderer.ToSafeHtml(body),
            post.IsDemo,
            shown?.Language ?? post.Language,
            string.IsNullOrWhiteSpace(easyBody)
                ? null
                : new PostEasyLanguage(easyTitle ?? title, easySummary ?? "", PostBodyRenderer.ToSafeHtml(easyBody)),
            post.CallToActionLabel is { Length: > 0 } label && post.CallToActionUrl is { Length: > 0 } url ? new PostCallToAction(label, url) : null,
            post.HasCoverImage ? post.CoverImageAlt : null,
            related,
            cover is null ? null : new CoverImageInfo(cover.Width, cover.Height, CoverVersion.Of(cover.UpdatedAt)),
            post.ContentVersion,
            languages,
            post.Language,
            string.IsNullOrWhiteSpace(post.EasyReadBodyMarkdown)
                ? null
                : new PostEasyLanguage(post.EasyReadTitle ?? post.Title, post.EasyReadSummary ?? "", PostBodyRenderer.ToSafeHtml(post.EasyReadBodyMarkdown)));
    }
}

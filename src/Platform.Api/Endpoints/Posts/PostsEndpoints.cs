using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Api.Security;
using Platform.Application.Posts;
using Platform.Web;

namespace Platform.Api.Endpoints.Posts;

public static class PostsEndpoints
{
    public static RouteGroupBuilder MapPostsEndpoints(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/posts").WithTags("Posts");
        posts.MapGet("/", GetFeed)
            .WithSummary("Published posts of the current jobcenter, newest first")
            .WithDescription("By page number (`page`), or after the `nextCursor` of the previous page (`after`), which costs the same however deep the page is.")
            .CacheOutput(CachePolicies.Feed);
        posts.MapGet("/search", SearchPosts)
            .WithSummary("Full-text search over the published posts, best match first, matches marked with <mark>");
        posts.MapGet("/{id}", GetPost)
            .WithSummary("One published post with its body as sanitized HTML, its Einfache Sprache version and related posts")
            .WithDescription("With `lang` (de, en, ar, uk, tr, ru, fa) in that language where the post has an approved translation; `languages` lists every language it can be read in.");
        posts.MapPost("/{id}/feedback", GivePostFeedback)
            .WithSummary("Answers \"Hat dir das geholfen?\" for a published post: one more yes or no in the post's count of the day")
            .WithDescription("Anonymous and rate limited. Nothing about the reader is kept, no account, device, address or cookie; remembering that a browser has answered is the browser's own business.")
            .RequireRateLimiting(RateLimits.Feedback)
            .ProducesValidationProblem();
        posts.MapGet("/{id}/cover", GetCover)
            .WithSummary("The cover image of a published post");
        posts.MapGet("/{id}/card", GetCard)
            .WithSummary("The card of a published post drawn in the jobcenter's branding: 1200x630 (default), 1080x1080 or 1080x1350");

        // A constant answer inside the tenant pipeline: the benchmarks' reference for the platform's own overhead.
        api.MapGet("/ping", () => TypedResults.Ok(new { status = "ok" })).ExcludeFromDescription();
        return api;
    }

    public static async Task<Ok<FeedPage>> GetFeed(
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = GetFeedQuery.DefaultPageSize,
        string? topic = null,
        string? after = null,
        string? lang = null) =>
        TypedResults.Ok(await mediator.Send(new GetFeedQuery(page, pageSize, topic, after, lang), cancellationToken));

    public static async Task<Ok<SearchPage>> SearchPosts(
        IMediator mediator,
        CancellationToken cancellationToken,
        string? q = null,
        int page = 1,
        int pageSize = SearchPostsQuery.DefaultPageSize,
        string? lang = null) =>
        TypedResults.Ok(await mediator.Send(new SearchPostsQuery(q, page, pageSize, lang), cancellationToken));

    public static async Task<Ok<PostDetail>> GetPost(
        IMediator mediator, string id, HttpContext context, CancellationToken cancellationToken, string? lang = null)
    {
        var post = await mediator.Send(new GetPostQuery(ParseId(id), lang), cancellationToken);
        if (PostViewCounting.Counts(context))
        {
            await mediator.Send(new CountPostViewCommand(post.Id), cancellationToken);
        }

        return TypedResults.Ok(post);
    }

    public static async Task<NoContent> GivePostFeedback(IMediator mediator, string id, PostFeedbackRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new GivePostFeedbackCommand(ParseId(id), request.Helpful), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<FileContentHttpResult> GetCover(
        IMediator mediator, string id, HttpContext context, CancellationToken cancellationToken, string? w = null, string? v = null)
    {
        var image = await mediator.Send(new GetPublishedPostCoverQuery(ParseId(id), ParseWidth(w)), cancellationToken);
        CacheByVersion(context, v, image.Version);
        return TypedResults.File(image.Content, image.ContentType);
    }

    public static async Task<FileContentHttpResult> GetCard(
        IMediator mediator, string id, HttpContext context, CancellationToken cancellationToken, string? size = null, string? w = null, string? v = null)
    {
        var cardSize = PostCardSize.Preview;
        if (size is not null && !PostCards.TryParse(size, out cardSize))
        {
            throw new ValidationException([new ValidationFailure(
                "size", $"Die Kartengröße muss eine von {string.Join(", ", PostCards.Sizes.Select(PostCards.Name))} sein.")]);
        }

        var card = await mediator.Send(new GetPostCardQuery(ParseId(id), cardSize, ParseWidth(w)), cancellationToken);
        CacheByVersion(context, v, card.Version);
        return TypedResults.File(card.Png, "image/png");
    }

    /// <summary>A smaller copy's width, one of <see cref="CoverWidths.All"/>; anything else is a 400 naming <c>w</c>.</summary>
    private static int? ParseWidth(string? w) =>
        w is null ? null
        : int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && CoverWidths.All.Contains(parsed) ? parsed
        : throw new ValidationException([new ValidationFailure("w", $"Die Bildbreite muss eine von {string.Join(", ", CoverWidths.All)} sein.")]);

    /// <summary>
    /// An address with the image's current version never changes its answer: a year, immutable. Without it (or with an
    /// old one) an hour.
    /// </summary>
    private static void CacheByVersion(HttpContext context, string? requested, string current) =>
        context.Response.Headers.CacheControl = string.Equals(requested, current, StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "public, max-age=3600";

    /// <summary>The id is bound as text so a malformed one is a 400 naming the field, not a routing 404.</summary>
    private static Guid ParseId(string id) => Guid.TryParse(id, out var postId)
        ? postId
        : throw new ValidationException([new ValidationFailure("id", "Die Beitrags-ID ist keine gültige GUID.")]);
}

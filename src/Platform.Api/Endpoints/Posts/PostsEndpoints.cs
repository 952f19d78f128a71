using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .CacheOutput(CachePolicies.Feed);
        posts.MapGet("/search", SearchPosts)
            .WithSummary("Full-text search over the published posts, best match first, matches marked with <mark>");
        posts.MapGet("/{id}", GetPost)
            .WithSummary("One published post with its body as sanitized HTML, its Einfache Sprache version and related posts");
        posts.MapGet("/{id}/cover", GetCover)
            .WithSummary("The cover image of a published post");

        // A constant answer inside the tenant pipeline: the benchmarks' reference for the platform's own overhead.
        api.MapGet("/ping", () => TypedResults.Ok(new { status = "ok" })).ExcludeFromDescription();
        return api;
    }

    public static async Task<Ok<FeedPage>> GetFeed(
        IMediator mediator,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = GetFeedQuery.DefaultPageSize,
        string? topic = null) =>
        TypedResults.Ok(await mediator.Send(new GetFeedQuery(page, pageSize, topic), cancellationToken));

    public static async Task<Ok<SearchPage>> SearchPosts(
        IMediator mediator,
        CancellationToken cancellationToken,
        string? q = null,
        int page = 1,
        int pageSize = SearchPostsQuery.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new SearchPostsQuery(q, page, pageSize), cancellationToken));

    public static async Task<Ok<PostDetail>> GetPost(IMediator mediator, string id, HttpContext context, CancellationToken cancellationToken)
    {
        var post = await mediator.Send(new GetPostQuery(ParseId(id)), cancellationToken);
        if (PostViewCounting.Counts(context))
        {
            await mediator.Send(new CountPostViewCommand(post.Id), cancellationToken);
        }

        return TypedResults.Ok(post);
    }

    public static async Task<FileContentHttpResult> GetCover(
        IMediator mediator, string id, HttpContext context, CancellationToken cancellationToken, string? w = null, string? v = null)
    {
        int? width = null;
        if (w is not null)
        {
            width = int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && CoverWidths.All.Contains(parsed)
                ? parsed
                : throw new ValidationException([new ValidationFailure("w", $"Die Bildbreite muss eine von {string.Join(", ", CoverWidths.All)} sein.")]);
        }

        var image = await mediator.Send(new GetPublishedPostCoverQuery(ParseId(id), width), cancellationToken);

        // An address with the image's current version never changes its answer: a year, immutable. Without it (or with
        // an old one) an hour, as before.
        context.Response.Headers.CacheControl = string.Equals(v, image.Version, StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "public, max-age=3600";
        return TypedResults.File(image.Content, image.ContentType);
    }

    /// <summary>The id is bound as text so a malformed one is a 400 naming the field, not a routing 404.</summary>
    private static Guid ParseId(string id) => Guid.TryParse(id, out var postId)
        ? postId
        : throw new ValidationException([new ValidationFailure("id", "Die Beitrags-ID ist keine gültige GUID.")]);
}

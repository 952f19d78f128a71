using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Application.Posts;

namespace Platform.Api.Endpoints.Posts;

/// <summary>The signed-in person's "Merkliste": published posts of their jobcenter they want to read again.</summary>
public static class BookmarksEndpoints
{
    public static RouteGroupBuilder MapBookmarksEndpoints(this RouteGroupBuilder api)
    {
        var bookmarks = api.MapGroup("/me/bookmarks").WithTags("Bookmarks").RequireAuthorization();
        bookmarks.MapGet("/", ListBookmarks).WithSummary("Bookmarked posts that are published, last bookmarked first");
        bookmarks.MapPut("/{postId}", BookmarkPost).WithSummary("Bookmarks a published post (idempotent)");
        bookmarks.MapDelete("/{postId}", RemoveBookmark).WithSummary("Removes a bookmark (idempotent)");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<BookmarkedPost>>> ListBookmarks(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListBookmarksQuery(), ct));

    public static async Task<Ok<BookmarkState>> BookmarkPost(string postId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new BookmarkPostCommand(ParseId(postId)), ct));

    public static async Task<NoContent> RemoveBookmark(string postId, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RemoveBookmarkCommand(ParseId(postId)), ct);
        return TypedResults.NoContent();
    }

    /// <summary>The id is bound as text so a malformed one is a 400 naming the field, not a routing 404.</summary>
    private static Guid ParseId(string postId) => Guid.TryParse(postId, out var id)
        ? id
        : throw new ValidationException([new ValidationFailure("postId", "Die Beitrags-ID ist keine gültige GUID.")]);
}

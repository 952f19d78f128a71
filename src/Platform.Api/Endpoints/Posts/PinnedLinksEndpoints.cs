using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Platform.Api.Security;
using Platform.Application.Posts;
using Platform.Web.Posts;

namespace Platform.Api.Endpoints.Posts;

/// <summary>
/// The links the editorial staff pin to the jobcenter's link page (<c>/links</c>): read, and replaced as a whole
/// (at most eight; a bad item is a 400 naming it, e.g. <c>items[2].url</c>).
/// </summary>
public static class PinnedLinksEndpoints
{
    public static RouteGroupBuilder MapPinnedLinksEndpoints(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/editorial/links").WithTags("Editorial").RequireAuthorization(PlatformPolicies.Editorial);
        links.MapGet("/", ListPinnedLinks).WithSummary("The links pinned to the link page (/links), in their order");
        links.MapPut("/", ReplacePinnedLinks).WithSummary("Replaces the pinned links as a whole: posts, events, the contact page, https links");
        return api;
    }

    public static async Task<Ok<PinnedLinkList>> ListPinnedLinks(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListPinnedLinksQuery(), ct));

    public static async Task<Ok<PinnedLinkList>> ReplacePinnedLinks(
        ReplacePinnedLinksCommand command, IMediator mediator, IOutputCacheStore cache, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        await LinkPageEndpoints.EvictAsync(cache, ct);
        return TypedResults.Ok(await mediator.Send(new ListPinnedLinksQuery(), ct));
    }
}

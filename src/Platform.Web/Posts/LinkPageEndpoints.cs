using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Web.Components.Posts;

namespace Platform.Web.Posts;

/// <summary>
/// The jobcenter's link page (<c>/links</c>), the address its Instagram profile points to: name and logo, the links the
/// editors pinned, the next events, the ways to get in touch. Rendered on its own, without the app's layout, so that it
/// stays a few kilobytes with no script and no cookie (ADR-027). Cached like the feed; a change of the pins evicts it.
/// </summary>
public static class LinkPageEndpoints
{
    /// <summary>The output-cache tag of the link pages of every tenant; evicted whenever some tenant's pins change.</summary>
    public const string CacheTag = "link-page";

    /// <summary>Maps <c>/links</c>; the host caches it with <see cref="CachePolicies.Compact"/>.</summary>
    public static IEndpointConventionBuilder MapLinkPage(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/links", GetLinkPage).ExcludeFromDescription();

    /// <summary>After the pins changed: the next request renders the page anew.</summary>
    public static ValueTask EvictAsync(IOutputCacheStore store, CancellationToken cancellationToken) =>
        store.EvictByTagAsync(CacheTag, cancellationToken);

    private static async Task<Results<RazorComponentResult<LinkInBioPage>, NotFound>> GetLinkPage(
        HttpContext context, ICurrentTenant current, IMediator mediator, CancellationToken ct)
    {
        if (current.Tenant is not { } tenant)
        {
            return TypedResults.NotFound();
        }

        var page = await mediator.Send(new GetLinkInBioQuery(), ct);
        return new RazorComponentResult<LinkInBioPage>(new { Tenant = tenant, Page = page, BaseHref = BaseHref(context) });
    }

    /// <summary>The tenant's root as a base address: <c>/t/{slug}/</c> under the path prefix, else <c>/</c>.</summary>
    internal static string BaseHref(HttpContext context) => context.Request.PathBase.Add("/").Value ?? "/";
}

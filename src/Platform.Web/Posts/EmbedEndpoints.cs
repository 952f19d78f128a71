using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Application.Common;
using Platform.Application.Posts;
using Platform.Application.Tenants;
using Platform.Web.Components.Posts;

namespace Platform.Web.Posts;

/// <summary>
/// The widget (<c>/einbetten</c>) a jobcenter shows in a frame on its own website: its newest posts (<c>?topic=</c> as
/// on the feed, <c>?count=</c> 1 to 10; a bad one is a 400 page that says why), links that open the platform in a new
/// tab, no script, no cookie. The one page that a site other than the platform may frame, and only the origins the
/// TenantAdmins listed (<see cref="EmbeddablePage"/>, ADR-027).
/// </summary>
public static class EmbedEndpoints
{
    public const int DefaultCount = 5;
    public const int MaxCount = 10;

    /// <summary>Maps <c>/einbetten</c>; the host caches it with <see cref="CachePolicies.Compact"/>.</summary>
    public static IEndpointConventionBuilder MapEmbedPage(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/" + GetEmbedSettingsHandler.WidgetPath, GetEmbedPage).WithMetadata(new EmbeddablePage()).ExcludeFromDescription();

    private static async Task<Results<RazorComponentResult<EmbedPage>, NotFound>> GetEmbedPage(
        HttpContext context, ICurrentTenant current, IMediator mediator, ITenantLinks links, string? topic, string? count, CancellationToken ct)
    {
        if (current.Tenant is not { } tenant)
        {
            return TypedResults.NotFound();
        }

        var site = links.Link(tenant, topic is null ? "" : "?topic=" + Uri.EscapeDataString(topic));
        var parameters = new Dictionary<string, object?>
        {
            [nameof(EmbedPage.Tenant)] = tenant,
            [nameof(EmbedPage.Site)] = links.Root(tenant),
            [nameof(EmbedPage.BaseHref)] = LinkPageEndpoints.BaseHref(context),
        };
        var size = DefaultCount;
        if (count is not null && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxCount))
        {
            return Refused(parameters, ValidationMessages.Format("Embed.CountInvalid", 1, MaxCount));
        }

        FeedPage feed;
        try
        {
            feed = await mediator.Send(new GetFeedQuery(1, size, topic), ct);
        }
        catch (ValidationException e)
        {
            return Refused(parameters, e.Errors.First().ErrorMessage);
        }

        parameters[nameof(EmbedPage.Site)] = site;
        parameters[nameof(EmbedPage.Entries)] = feed.Items.Select(p => (p, links.Link(tenant, $"posts/{p.Id}"))).ToList();
        return new RazorComponentResult<EmbedPage>(parameters);
    }

    private static RazorComponentResult<EmbedPage> Refused(Dictionary<string, object?> parameters, string message)
    {
        parameters[nameof(EmbedPage.Error)] = message;
        return new RazorComponentResult<EmbedPage>(parameters) { StatusCode = StatusCodes.Status400BadRequest };
    }
}

/// <summary>
/// Endpoint metadata: the page may be framed by the current tenant's embed origins. The security headers then send
/// <c>frame-ancestors</c> with those origins instead of <c>'none'</c> (ADR-027).
/// </summary>
public sealed class EmbeddablePage;

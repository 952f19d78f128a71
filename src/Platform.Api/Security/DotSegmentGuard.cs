using Microsoft.AspNetCore.Http.Features;

namespace Platform.Api.Security;

/// <summary>
/// The server removes dot segments before routing (RFC 3986, also percent-encoded ones), so
/// <c>DELETE /api/v1/me/bookmarks/..</c> would be routed as <c>DELETE /api/v1/me</c>: a call for one resource acting on
/// another. Browsers and HTTP libraries resolve dot segments before they send a request; an API request whose target
/// still carries one names a different resource than it reaches, and is refused with 400 before it is routed.
/// </summary>
public static class DotSegmentGuard
{
    public static IApplicationBuilder UseDotSegmentGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api")
                && context.Features.Get<IHttpRequestFeature>()?.RawTarget is { } target
                && HasDotSegment(target))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Die Adresse ist ungültig.",
                    detail: "Die Adresse enthält \".\"- oder \"..\"-Abschnitte. Bitte schick die Adresse der gemeinten Ressource.")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    internal static bool HasDotSegment(string target)
    {
        var end = target.IndexOfAny(['?', '#']);
        var path = end < 0 ? target : target[..end];
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length is > 0 and <= 9 && Uri.UnescapeDataString(segment) is "." or "..")
            {
                return true;
            }
        }

        return false;
    }
}

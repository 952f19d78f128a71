using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Platform.Api.Security;

/// <summary>
/// Cross-site request forgery guard for the API: a state-changing call (anything but GET, HEAD, OPTIONS, TRACE) that is
/// authenticated by the sign-in cookie must come from a page of the request's own origin. SameSite=Lax keeps other
/// sites out, but not a sibling host under the same base domain: <c>evil.gross-gerau.localhost</c> is the same site as
/// <c>gross-gerau.localhost</c>, so the browser sends the cookie along. Browsers say where a request comes from in
/// <c>Sec-Fetch-Site</c> and <c>Origin</c>, headers a page cannot set: either must say "this origin", neither may say
/// another one, and a cookie call that carries neither is refused. Bearer tokens are never sent by a browser on its own,
/// so calls authenticated by one need no such check. The Blazor forms keep their antiforgery tokens (pages are not
/// under <c>/api</c>).
/// </summary>
public static class SameOriginGuard
{
    /// <summary>The title of the refusal, so that clients (and tests) can tell it from an authorization 403.</summary>
    public const string RefusalTitle = "Anfrage von einer fremden Seite";

    public static IApplicationBuilder UseSameOriginGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api")
                && !IsSafe(context.Request.Method)
                && IsCookieAuthenticated(context)
                && !ComesFromOwnOrigin(context.Request))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: RefusalTitle,
                    detail: "Mit der Anmeldung im Browser (Cookie) nimmt die Schnittstelle Änderungen nur von den eigenen Seiten dieses Jobcenters an.")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>
    /// Identity's default scheme tries the bearer token first and the cookie only when there is none; the ticket says which
    /// one signed this request in. Without a ticket (a later step replaced the user) the request counts as a cookie call
    /// unless it carries a bearer token.
    /// </summary>
    private static bool IsCookieAuthenticated(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var scheme = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme;
        return scheme is null
            ? !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            : scheme == IdentityConstants.ApplicationScheme;
    }

    private static bool ComesFromOwnOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && !string.Equals(fetchSite, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // "null" is what browsers send under Referrer-Policy: no-referrer (ours); then Sec-Fetch-Site has to say it.
        var origin = request.Headers.Origin.ToString();
        var hasOrigin = origin.Length > 0 && !string.Equals(origin, "null", StringComparison.Ordinal);
        if (hasOrigin && !IsOwnOrigin(request, origin))
        {
            return false;
        }

        return fetchSite.Length > 0 || hasOrigin;
    }

    private static bool IsOwnOrigin(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var from)
        && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own)
        && string.Equals(from.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(from.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase)
        && from.Port == own.Port
        && from.AbsolutePath == "/";
}

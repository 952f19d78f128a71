namespace Platform.Api.Infrastructure;

/// <summary>
/// A strict Content-Security-Policy on the platform's own pages: everything from the own origin, no inline styles
/// or scripts. The Hangfire dashboard and the API reference bring their own inline code and are left out.
/// Answers to a signed-in person are <c>no-store</c> unless the endpoint chose otherwise: no browser cache, proxy or
/// the offline service worker keeps a page with someone's account on a shared phone.
/// </summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.User.Identity?.IsAuthenticated == true && string.IsNullOrEmpty(headers.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }

                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                    && !context.Request.Path.StartsWithSegments("/jobs")
                    && !context.Request.Path.StartsWithSegments("/scalar"))
                {
                    headers.ContentSecurityPolicy = Policy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}

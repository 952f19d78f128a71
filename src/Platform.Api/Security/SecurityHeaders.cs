using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Application.Common;
using Platform.Web.Components.Tools;
using Platform.Web.Posts;

namespace Platform.Api.Security;

/// <summary>
/// A strict Content-Security-Policy on the platform's own pages: everything from the own origin, no inline styles
/// or scripts. The Hangfire dashboard brings its own inline code and is left out; the API reference gets its own
/// policy (<see cref="UseApiReferencePolicy"/>). Every answer carries a Permissions-Policy, and over HTTPS (directly
/// or through a trusted proxy that says so in X-Forwarded-Proto) Strict-Transport-Security (ADR-021).
/// No page may be framed (<c>frame-ancestors 'none'</c>) except one marked <see cref="EmbeddablePage"/> (the widget),
/// which the current tenant's embed origins may frame and nobody else (ADR-027).
/// Answers to a signed-in person are <c>no-store</c> unless the endpoint chose otherwise: no browser cache, proxy or
/// the offline service worker keeps a page with someone's account on a shared phone.
/// </summary>
public static partial class SecurityHeaders
{
    private const string PolicyAfterImages =
        "style-src 'self'; script-src 'self'; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string Policy = "default-src 'self'; img-src 'self' data:; " + PolicyAfterImages;

    // The Video-Check (a MediaPage) alone plays back its recording from a blob: address; connect-src stays 'self', so
    // the media cannot leave the page.
    private const string MediaPolicy = "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; " + PolicyAfterImages;

    private const string OtherPermissions =
        "accelerometer=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
        + "midi=(), payment=(), usb=(), browsing-topics=(), "
        + "publickey-credentials-create=(self), publickey-credentials-get=(self)";

    // Passkeys are the one powerful feature the platform uses, and only on its own pages; nothing may ask for the
    // camera, microphone, location, payment or sensors, not even an embedded frame.
    private const string Permissions = "autoplay=(), camera=(), microphone=(), " + OtherPermissions;

    // The Video-Check alone may ask for this page's own camera and microphone and start its muted preview.
    private const string MediaPermissions = "autoplay=(self), camera=(self), microphone=(self), " + OtherPermissions;

    // One year; no includeSubDomains, because a jobcenter's own host names need not all be served over HTTPS by us.
    private const string TransportSecurity = "max-age=31536000";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                var media = context.GetEndpoint()?.Metadata.GetMetadata<MediaPageAttribute>() is not null;
                headers["Permissions-Policy"] = media ? MediaPermissions : Permissions;

                // IsHttps reflects X-Forwarded-Proto only when the forwarded headers came from a configured proxy.
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = TransportSecurity;
                }

                if (context.User.Identity?.IsAuthenticated == true && string.IsNullOrEmpty(headers.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }

                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
                    && !context.Request.Path.StartsWithSegments("/jobs")
                    && !context.Request.Path.StartsWithSegments("/scalar"))
                {
                    headers.ContentSecurityPolicy = media
                        ? MediaPolicy
                        : context.GetEndpoint()?.Metadata.GetMetadata<EmbeddablePage>() is null
                        ? Policy
                        : EmbeddablePolicy(context.RequestServices.GetRequiredService<ICurrentTenant>().Tenant?.EmbedOrigins ?? []);
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// The policy of a page made for a frame: as strict as every other, but framed by <paramref name="origins"/> (each
    /// a validated <c>scheme://host[:port]</c>), or by nobody when there are none.
    /// </summary>
    public static string EmbeddablePolicy(IReadOnlyList<string> origins) =>
        origins.Count == 0 ? Policy : Policy.Replace("frame-ancestors 'none'", "frame-ancestors " + string.Join(' ', origins), StringComparison.Ordinal);

    /// <summary>
    /// The API reference (Scalar) is served from the platform: its page starts the bundled script with one inline
    /// module script, whose SHA-256 goes into the page's policy, so that no other inline script can run. Its components
    /// add their styles at run time, so inline styles are allowed there (and only there). Everything else: own origin.
    /// </summary>
    public static IApplicationBuilder UseApiReferencePolicy(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/scalar") && !Path.HasExtension(context.Request.Path.Value),
            page => page.Use(async (context, next) =>
            {
                // The page is a few kilobytes: buffered, so that the policy can name the hashes of what it contains.
                var body = context.Response.Body;
                using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                try
                {
                    await next(context);
                }
                finally
                {
                    context.Response.Body = body;
                }

                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                    context.Response.Headers.ContentSecurityPolicy = ApiReferencePolicy(html);
                }

                buffer.Position = 0;
                await buffer.CopyToAsync(body, context.RequestAborted);
            }));

    /// <summary>The API reference's policy for <paramref name="html"/>: its inline scripts by hash, nothing from elsewhere.</summary>
    public static string ApiReferencePolicy(string html)
    {
        var hashes = InlineScript().Matches(html)
            .Where(m => !m.Groups["attributes"].Value.Contains("src=", StringComparison.OrdinalIgnoreCase))
            .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value)))}'")
            .Distinct();
        return $"default-src 'self'; script-src 'self' {string.Join(' ', hashes)}; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    [GeneratedRegex("<script(?<attributes>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineScript();
}

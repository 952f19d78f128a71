using System.IO.Pipelines;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Platform.Api.Http;

/// <summary>
/// HTTP caching and content negotiation for pages and API (ADR-024), in one place:
/// <list type="bullet">
/// <item><c>HEAD</c> is answered wherever <c>GET</c> is (RFC 9110 §9.3.2): routed as GET, the body discarded.</item>
/// <item><c>Cache-Control</c>: signed-in answers are <c>private, no-store</c>; anonymous ones are <c>public</c> with the
/// lifetime of their output cache (or <c>no-cache</c>, revalidate every time), <c>private</c> when a language cookie chose
/// the language; <c>Vary: Cookie</c>, because the culture cookie changes the page.</item>
/// <item>A weak <c>ETag</c> from the body of anonymous 200 answers, and 304 when <c>If-None-Match</c> matches.</item>
/// <item>No compression for answers that must not be stored (signed-in pages, pages with an antiforgery token): they hold
/// secrets next to reflected input, the BREACH setting.</item>
/// </list>
/// </summary>
public static class HttpCaching
{
    /// <summary>Bodies above this size are passed through without an ETag rather than buffered.</summary>
    private const int MaxTaggedBody = 1024 * 1024;

    private static readonly string CultureCookie = CookieRequestCultureProvider.DefaultCookieName;

    public static IServiceCollection AddPlatformCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Over HTTPS too; BREACH is handled by not compressing what holds secrets (SecretsAreNotCompressed).
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/calendar", "application/problem+json", "application/manifest+json", "image/svg+xml"];
        });
        services.AddSingleton<IResponseCompressionProvider, SecretsAreNotCompressed>();
        return services;
    }

    /// <summary>Outermost: everything after it sees a HEAD request as the GET it mirrors.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Features.Set<IHttpResponseBodyFeature>(new DiscardedBody(body));
            context.Request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                context.Request.Method = HttpMethods.Head;
                context.Features.Set(body);
            }
        });

    /// <summary>After authentication (it needs to know who is signed in) and before the output cache.</summary>
    public static IApplicationBuilder UseCacheHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method))
            {
                return next(context);
            }

            var headers = context.Response.Headers;
            if (context.User.Identity?.IsAuthenticated == true)
            {
                // Set before the endpoint runs, so the endpoint may still choose otherwise (a versioned image) and the
                // compression sees it when it decides.
                headers.CacheControl = "private, no-store";
                context.Response.OnStarting(() =>
                {
                    // Antiforgery writes its own "no-cache, no-store" when a form gets a token; keep it private too.
                    if (headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
                    {
                        headers.CacheControl = "private, no-store";
                    }

                    return Task.CompletedTask;
                });
                return next(context);
            }

            var state = new CacheLifetime();
            context.Features.Set(state);
            var chosenByCookie = context.Request.Cookies.ContainsKey(CultureCookie);
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified)
                    || !string.IsNullOrEmpty(headers.CacheControl))
                {
                    return Task.CompletedTask;
                }

                // As long as the output cache keeps the answer, and no longer: a browser or proxy may reuse it for that
                // time; without output caching it revalidates (cheap, thanks to the ETag).
                var scope = chosenByCookie ? "private" : "public";
                headers.CacheControl = state.Lifetime is { } lifetime
                    ? $"{scope}, max-age={(int)lifetime.TotalSeconds}"
                    : $"{scope}, no-cache";
                headers.Append(HeaderNames.Vary, HeaderNames.Cookie);
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>Inside the output cache, so a cached answer keeps its tag and the cache itself answers 304 on a hit.</summary>
    public static IApplicationBuilder UseEntityTags(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || context.User.Identity?.IsAuthenticated == true)
            {
                await next(context);
                return;
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var response = context.Response;
            if (response.StatusCode == StatusCodes.Status200OK
                && buffer.Length <= MaxTaggedBody
                && !response.Headers.ContainsKey(HeaderNames.ETag)
                && response.Headers.ContentEncoding.Count == 0
                && !response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
                && IsTaggable(response.ContentType))
            {
                var tag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..16])}\"";
                response.Headers.ETag = tag;
                if (Matches(context.Request.Headers.IfNoneMatch, tag))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.Headers.ContentLength = null;
                    response.Headers.ContentType = default;
                    return;
                }
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        });

    private static bool IsTaggable(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase));

    /// <summary>Weak comparison (RFC 9110 §13.1.2): <c>*</c>, or any listed tag with the same opaque value.</summary>
    private static bool Matches(StringValues ifNoneMatch, string tag)
    {
        if (EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            var ours = EntityTagHeaderValue.Parse(tag);
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
        }

        return false;
    }

    /// <summary>
    /// A base output-cache policy that only notes how long the output cache keeps this answer (after the endpoint's
    /// policies have set it), so that the <c>Cache-Control</c> written later, for a 304 too, says the same.
    /// </summary>
    public static IOutputCachePolicy LifetimeRecorder { get; } = new RecordLifetime();

    private sealed class CacheLifetime
    {
        /// <summary>The output cache's view of this request; its lifetime is final once the endpoint's policies ran.</summary>
        public OutputCacheContext? OutputCache { get; set; }

        public TimeSpan? Lifetime => OutputCache is { EnableOutputCaching: true, ResponseExpirationTimeSpan: { } lifetime } ? lifetime : null;
    }

    private sealed class RecordLifetime : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            if (context.HttpContext.Features.Get<CacheLifetime>() is { } state)
            {
                state.OutputCache = context;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }

    /// <summary>The body of a HEAD answer: headers go out as for GET, the bytes nowhere.</summary>
    private sealed class DiscardedBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
    {
        private PipeWriter? _writer;

        public Stream Stream => Stream.Null;

        public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream.Null);

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            inner.StartAsync(cancellationToken);

        public Task CompleteAsync() => inner.CompleteAsync();
    }

    /// <summary>
    /// Compresses what anyone may see, never what must not be stored: a signed-in page or a form with an antiforgery
    /// token (both <c>no-store</c>) holds a secret next to input the page may reflect, which BREACH reads through
    /// compressed sizes. Public pages, feeds, <c>.ics</c> and the OpenAPI document hold none.
    /// </summary>
    private sealed class SecretsAreNotCompressed(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            !context.Response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
            && base.ShouldCompressResponse(context);
    }
}

using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.Application.Common;

namespace Platform.Infrastructure.Tenancy;

/// <summary>
/// Resolves the tenant of a request, first match wins: a configured hostname or <c>{slug}.{BaseHost}</c>, then the
/// path prefix <c>/t/{slug}</c>, which moves into PathBase so that links, cookies and redirects stay inside the
/// tenant. An unknown tenant ends the request with 404; the bare host has no tenant (landing page, health, docs).
/// The health probes opt out of resolution: liveness must not depend on the catalog (or the database behind it).
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, ITenantCatalog catalog, IOptions<TenancyOptions> options)
{
    private static readonly PathString PrefixRoot = new("/t");
    private static readonly PathString Health = new("/health");
    private readonly string _baseHost = options.Value.BaseHost;

    public async Task InvokeAsync(HttpContext context, ICurrentTenantSetter setter, ICurrentTenant current)
    {
        if (current.Tenant is not null || context.Request.Path.StartsWithSegments(Health))
        {
            // A re-executed request (status code page) keeps the tenant its original request resolved; health has none.
            await next(context);
            return;
        }

        // The raw header: HttpRequest.Host decodes "xn--" labels and throws on one that is not valid punycode. Such a
        // host is an unknown jobcenter, answered before anything else reads the host.
        var host = HostName(context.Request.Headers.Host.ToString());
        var isAddress = IPAddress.TryParse(host, out _);
        if (!isAddress && TenantCatalog.NormalizeHost(host) is null)
        {
            await UnknownTenant.WriteAsync(context);
            return;
        }

        var tenant = isAddress ? null : await catalog.FindByHostAsync(host, context.RequestAborted);
        if (tenant is null && !IsPlatformHost(host))
        {
            await UnknownTenant.WriteAsync(context);
            return;
        }

        if (tenant is null && context.Request.Path.StartsWithSegments(PrefixRoot, out var rest))
        {
            var slug = FirstSegment(rest, out var remainder);
            tenant = slug.Length == 0 ? null : await catalog.FindBySlugAsync(slug, context.RequestAborted);
            if (tenant is null)
            {
                await UnknownTenant.WriteAsync(context);
                return;
            }

            context.Request.PathBase = context.Request.PathBase.Add(PrefixRoot).Add("/" + tenant.Slug);
            context.Request.Path = remainder.HasValue ? remainder : new PathString("/");
        }

        setter.SetTenant(tenant);
        await next(context);
    }

    private bool IsPlatformHost(string host) =>
        string.Equals(TenantCatalog.NormalizeHost(host), _baseHost, StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out _);

    /// <summary>The host of a Host header without its port: <c>[::1]:80</c> → <c>::1</c>, <c>a.localhost:5080</c> → <c>a.localhost</c>.</summary>
    private static string HostName(string header)
    {
        if (header.StartsWith('['))
        {
            var close = header.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? header[1..close] : header;
        }

        var colon = header.LastIndexOf(':');
        return colon >= 0 ? header[..colon] : header;
    }

    private static string FirstSegment(PathString rest, out PathString remainder)
    {
        var value = rest.Value ?? "";
        var trimmed = value.TrimStart('/');
        var end = trimmed.IndexOf('/', StringComparison.Ordinal);
        remainder = end < 0 ? PathString.Empty : new PathString(trimmed[end..]);
        return (end < 0 ? trimmed : trimmed[..end]).ToLowerInvariant();
    }
}

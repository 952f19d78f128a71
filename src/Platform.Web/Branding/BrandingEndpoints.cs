using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Application.Common;
using Platform.Domain.Tenants;

namespace Platform.Web.Branding;

/// <summary>
/// The per-tenant stylesheet: the tenant's colours as CSS custom properties, so pages need no inline styles and a
/// strict Content-Security-Policy holds. Cached for a year when asked for by the current branding version.
/// </summary>
public static class BrandingEndpoints
{
    public static IEndpointRouteBuilder MapBrandingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/branding.css", GetBrandingStylesheet).ExcludeFromDescription();
        return endpoints;
    }

    public static string Stylesheet(TenantBranding branding) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $":root{{--brand-primary:{branding.PrimaryColor};--brand-on-primary:{ColorContrast.TextColorFor(branding.PrimaryColor)};"
            + $"--brand-accent:{branding.AccentColor};--brand-on-accent:{ColorContrast.TextColorFor(branding.AccentColor)};}}\n");

    private static IResult GetBrandingStylesheet(HttpContext context, ICurrentTenant currentTenant, string? v)
    {
        if (currentTenant.Tenant is not { } tenant)
        {
            return Results.NotFound();
        }

        var versioned = v == tenant.Branding.Version.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "no-cache";
        return Results.Text(Stylesheet(tenant.Branding), "text/css; charset=utf-8");
    }
}

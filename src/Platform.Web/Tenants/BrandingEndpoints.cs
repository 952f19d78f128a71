using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Application.Common;
using Platform.Application.Tenants;
using Platform.Domain.Tenants;
using Platform.Web.Components.Shared;

namespace Platform.Web.Tenants;

/// <summary>
/// The per-tenant stylesheet: the tenant's colours as CSS custom properties, so pages need no inline styles and a
/// strict Content-Security-Policy holds. Cached for a year when asked for by the current branding version.
/// </summary>
public static class BrandingEndpoints
{
    public static IEndpointRouteBuilder MapBrandingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/branding.css", GetBrandingStylesheet).ExcludeFromDescription();
        endpoints.MapGet("/logo", GetLogo).ExcludeFromDescription();
        endpoints.MapGet("/branding-preview.css", GetPreviewStylesheet).ExcludeFromDescription();
        endpoints.MapGet("/manifest.webmanifest", GetManifest).ExcludeFromDescription();
        endpoints.MapGet("/app-icon-{size:int}.png", (HttpContext context, ICurrentTenant currentTenant, IMediator mediator, int size, string? v) =>
            GetAppIcon(context, currentTenant, mediator, size, maskable: false, v)).ExcludeFromDescription();
        endpoints.MapGet("/app-icon-{size:int}-maskable.png", (HttpContext context, ICurrentTenant currentTenant, IMediator mediator, int size, string? v) =>
            GetAppIcon(context, currentTenant, mediator, size, maskable: true, v)).ExcludeFromDescription();
        endpoints.MapPost("/verwaltung/logo", UploadLogo).RequireAuthorization(new AuthorizeAttribute { Roles = "TenantAdmin" }).ExcludeFromDescription();
        return endpoints;
    }

    public static string Stylesheet(TenantBranding branding) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $":root{{--brand-primary:{branding.PrimaryColor};--brand-on-primary:{ColorContrast.TextColorFor(branding.PrimaryColor)};"
            + $"--brand-accent:{branding.AccentColor};--brand-on-accent:{ColorContrast.TextColorFor(branding.AccentColor)};}}\n");

    private static readonly bool[] IconPurposes = [false, true];

    /// <summary>The installable web app of one jobcenter: its name, colours and logo, starting inside the tenant.</summary>
    private static IResult GetManifest(HttpContext context, ICurrentTenant currentTenant)
    {
        if (currentTenant.Tenant is not { } tenant)
        {
            return Results.NotFound();
        }

        var start = context.Request.PathBase.Add("/").Value!;
        var version = tenant.Branding.Version.ToString(CultureInfo.InvariantCulture);
        // PNGs of exactly the sizes they claim, drawn from the logo or the initials: browsers install an app only with
        // a 192 px and a 512 px icon they can decode, so the logo itself (any size, maybe JPEG) is not one. Each size
        // comes twice: as it is, and maskable for the launchers that cut icons to their own shape.
        var icons = GetAppIconHandler.Sizes
            .SelectMany(size => IconPurposes.Select(maskable => new
            {
                src = $"{start}{GetAppIconHandler.FileName(size, maskable)}?v={version}",
                sizes = $"{size}x{size}",
                type = "image/png",
                purpose = maskable ? "maskable" : "any",
            }))
            .ToArray();
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Json(
            new
            {
                name = tenant.DisplayName,
                short_name = tenant.Branding.LogoText.Length > 0 ? tenant.Branding.LogoText : tenant.Slug,
                lang = "de",
                start_url = start,
                scope = start,
                display = "standalone",
                theme_color = tenant.Branding.PrimaryColor,
                background_color = "#ffffff",
                icons,
            },
            contentType: "application/manifest+json");
    }

    /// <summary>Unsaved colours for the preview box on the administration page, scoped to <c>.brand-preview</c>.</summary>
    private static IResult GetPreviewStylesheet(string? primary, string? accent)
    {
        if (!ColorContrast.TryParse(primary, out _) || !ColorContrast.TryParse(accent, out _))
        {
            return Results.BadRequest();
        }

        var css = Stylesheet(new TenantBranding { PrimaryColor = primary!, AccentColor = accent! }).Replace(":root", ".brand-preview", StringComparison.Ordinal);
        return Results.Text(css, "text/css; charset=utf-8");
    }

    /// <summary>The logo form of the administration page (a plain form post, so no script is needed).</summary>
    private static async Task<IResult> UploadLogo(HttpContext context, IMediator mediator)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.GetFile("logo");
        string result;
        if (file is null || file.Length == 0)
        {
            result = "fehlt";
        }
        else if (file.Length > TenantLogo.MaxBytes)
        {
            result = "zu-gross";
        }
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted);
            var errors = await FormErrors.TryAsync(async () => await mediator.Send(new UploadLogoCommand(buffer.ToArray())));
            result = errors.Count == 0 ? "ok" : "kein-bild";
        }

        return Results.Redirect($"{context.Request.PathBase}/verwaltung?logo={result}#aussehen");
    }

    private static async Task<IResult> GetLogo(HttpContext context, ICurrentTenant currentTenant, IMediator mediator, string? v)
    {
        var logo = currentTenant.Tenant is null ? null : await mediator.Send(new GetTenantLogoQuery(), context.RequestAborted);
        if (logo is null)
        {
            return Results.NotFound();
        }

        var versioned = v == currentTenant.Tenant!.Branding.Version.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "no-cache";
        return Results.File(logo.Content, logo.ContentType);
    }

    private static async Task<IResult> GetAppIcon(HttpContext context, ICurrentTenant currentTenant, IMediator mediator, int size, bool maskable, string? v)
    {
        var icon = currentTenant.Tenant is null ? null : await mediator.Send(new GetAppIconQuery(size, maskable), context.RequestAborted);
        if (icon is null)
        {
            return Results.NotFound();
        }

        var versioned = v == icon.Version.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = versioned ? "public, max-age=31536000, immutable" : "no-cache";
        return Results.File(icon.Png, "image/png");
    }

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

using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Application.Tenants;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Tenancy;

namespace Platform.Api.Tenancy;

/// <summary>
/// A jobcenter in onboarding is visible to its own staff only (404 for everyone else); a suspended one shows young
/// people a maintenance notice (503). Signing in always works, so staff can reach their instance, and so does
/// everything the sign-in page loads (styles, scripts, service worker, manifest, logo and icons), so that the page
/// staff sign in on is whole before they are signed in.
/// </summary>
public static class TenantStatusGate
{
    private static readonly string[] SignInPaths = ["/api/v1/auth", "/anmelden", "/einladung"];

    /// <summary>What the sign-in page loads (App.razor's head): no tenant data beyond what the sign-in page shows.</summary>
    private static readonly string[] SignInAssets =
        ["/_content", "/branding.css", "/js/offline.js", "/sw.js", "/manifest.webmanifest", "/logo"];

    public static IApplicationBuilder UseTenantStatusGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var tenant = context.RequestServices.GetRequiredService<ICurrentTenant>().Tenant;
            if (tenant is null || tenant.Status == TenantStatus.Active || IsStaff(context) || IsSignInOrItsAssets(context.Request.Path))
            {
                await next(context);
                return;
            }

            var (status, title, detail) = tenant.Status == TenantStatus.Suspended
                ? (StatusCodes.Status503ServiceUnavailable, "Vorübergehend nicht erreichbar",
                    $"Das Angebot von {tenant.DisplayName} ist gerade in Wartung. Telefonisch erreichst du das Jobcenter unter {tenant.Contact.Phone}.")
                : (StatusCodes.Status404NotFound, "Jobcenter nicht gefunden", "Dieses Jobcenter ist noch nicht freigeschaltet.");
            await StatusPage.WriteAsync(context, status, title, detail);
        });

    private static bool IsStaff(HttpContext context) => Roles.Staff.Any(context.User.IsInRole);

    private static bool IsSignInOrItsAssets(PathString path) =>
        SignInPaths.Any(p => path.StartsWithSegments(p)) || SignInAssets.Any(p => path.StartsWithSegments(p))
        || GetAppIconHandler.Sizes.Any(size =>
            string.Equals(path.Value, "/" + GetAppIconHandler.FileName(size, maskable: false), StringComparison.Ordinal)
            || string.Equals(path.Value, "/" + GetAppIconHandler.FileName(size, maskable: true), StringComparison.Ordinal));
}

using Platform.Application.Accounts;
using Platform.Application.Common;
using Platform.Domain.Tenants;
using Platform.Infrastructure.Tenancy;

namespace Platform.Api.Infrastructure;

/// <summary>
/// A jobcenter in onboarding is visible to its own staff only (404 for everyone else); a suspended one shows young
/// people a maintenance notice (503). Signing in always works, so staff can reach their instance.
/// </summary>
public static class TenantStatusGate
{
    public static IApplicationBuilder UseTenantStatusGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var tenant = context.RequestServices.GetRequiredService<ICurrentTenant>().Tenant;
            if (tenant is null || tenant.Status == TenantStatus.Active || IsStaff(context) || IsSignIn(context.Request.Path))
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

    private static bool IsSignIn(PathString path) =>
        path.StartsWithSegments("/api/v1/auth") || path.StartsWithSegments("/anmelden") || path.StartsWithSegments("/einladung")
        || path.StartsWithSegments("/_content") || path.StartsWithSegments("/branding.css");
}

using System.Globalization;
using System.Security.Claims;
using Platform.Application.Accounts;
using Platform.Application.Common;

namespace Platform.Api.Tenancy;

/// <summary>
/// A cookie or token is valid only in the tenant it was issued for. On the API a mismatch is refused with 403;
/// on pages the request simply continues as anonymous (a platform cookie on the bare host also reaches /t/...).
/// </summary>
public static class TenantMatch
{
    public static bool Matches(ClaimsPrincipal principal, ICurrentTenant tenant)
    {
        var expected = (tenant.Tenant?.Id ?? Guid.Empty).ToString("D", CultureInfo.InvariantCulture);
        return string.Equals(principal.FindFirstValue(PlatformClaims.Tenant), expected, StringComparison.OrdinalIgnoreCase);
    }

    public static IApplicationBuilder UseTenantMatch(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true
                && !Matches(context.User, context.RequestServices.GetRequiredService<ICurrentTenant>()))
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Falsches Jobcenter",
                        detail: "Diese Anmeldung gilt für ein anderes Jobcenter.").ExecuteAsync(context);
                    return;
                }

                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }

            await next(context);
        });
}

using Microsoft.AspNetCore.Authorization;
using Platform.Application.Accounts;
using Platform.Application.Common;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Authorization policies of the editorial workflow. Each requirement lives here once: the API endpoints and the web
/// pages (which ask <see cref="IAuthorizationService"/> by name) both use these policies.
/// </summary>
public static class PlatformPolicies
{
    /// <summary>Staff who write and review posts of their own jobcenter: Editor, Reviewer or TenantAdmin.</summary>
    public const string Editorial = nameof(Editorial);

    /// <summary>
    /// Making content public: approve, schedule, publish now. For now the same staff as <see cref="Editorial"/>; further
    /// requirements for these steps (a second factor for staff) belong here.
    /// </summary>
    public const string Publishing = nameof(Publishing);

    public static IServiceCollection AddEditorialPolicies(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Editorial, p => p.RequireRole(Roles.Editor, Roles.Reviewer, Roles.TenantAdmin).RequireAssertion(OfThisTenant))
            .AddPolicy(Publishing, p => p.RequireRole(Roles.Editor, Roles.Reviewer, Roles.TenantAdmin).RequireAssertion(OfThisTenant))
            .Services;

    /// <summary>Staff of the jobcenter the request is for (a cookie or token of another one never counts).</summary>
    private static bool OfThisTenant(AuthorizationHandlerContext context)
    {
        if (context.Resource is not HttpContext http)
        {
            return false;
        }

        var tenant = http.RequestServices.GetRequiredService<ICurrentTenant>();
        return tenant.Tenant is not null && TenantMatch.Matches(context.User, tenant);
    }
}

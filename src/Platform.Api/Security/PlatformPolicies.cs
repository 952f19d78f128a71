using Microsoft.AspNetCore.Authorization;
using Platform.Api.Tenancy;
using Platform.Application.Accounts;
using Platform.Application.Common;

namespace Platform.Api.Security;

/// <summary>
/// Named authorization policies of the platform. Each requirement lives here once: the API endpoints and the web
/// pages (which ask <see cref="IAuthorizationService"/> by name) both use these policies.
/// </summary>
public static class PlatformPolicies
{
    /// <summary>
    /// Running the platform (<c>/plattform</c>, the platform API, <c>/jobs</c>): PlatformAdmins who signed in with a second
    /// factor in this session. Their password alone opens every jobcenter's onboarding and every job's arguments.
    /// </summary>
    public const string PlatformAdmin = nameof(PlatformAdmin);

    public const string TenantAdmin = nameof(TenantAdmin);

    /// <summary>The contact inbox: the jobcenter's TenantAdmins and Editors.</summary>
    public const string ContactInbox = nameof(ContactInbox);

    /// <summary>The session was signed in with a second factor (<see cref="SecondFactorRequirement"/>).</summary>
    public const string SecondFactor = nameof(SecondFactor);

    /// <summary>Staff who write and review posts of their own jobcenter: Editor, Reviewer or TenantAdmin.</summary>
    public const string Editorial = nameof(Editorial);

    /// <summary>
    /// Making content public: approve, schedule, publish now. Editorial staff of this jobcenter who signed in with a
    /// second factor (TOTP or passkey) in this session.
    /// </summary>
    public const string Publishing = nameof(Publishing);

    /// <summary>Writing the shared content library: NetworkEditors, signed in at their home jobcenter.</summary>
    public const string LibraryWriter = nameof(LibraryWriter);

    /// <summary>
    /// Approving a library item, which publishes it to every jobcenter's editors: a NetworkEditor signed in at their home
    /// jobcenter with a second factor in this session, as <see cref="Publishing"/> asks of a jobcenter's own staff.
    /// </summary>
    public const string LibraryPublishing = nameof(LibraryPublishing);

    /// <summary>Browsing the shared content library: editorial staff of this jobcenter and NetworkEditors.</summary>
    public const string LibraryReader = nameof(LibraryReader);

    public static IServiceCollection AddPlatformPolicies(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, SecondFactorHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin).AddRequirements(new SecondFactorRequirement()))
            .AddPolicy(TenantAdmin, p => p.RequireRole(Roles.TenantAdmin))
            .AddPolicy(ContactInbox, p => p.RequireRole(Roles.TenantAdmin, Roles.Editor))
            .AddPolicy(SecondFactor, p => p.RequireAuthenticatedUser().AddRequirements(new SecondFactorRequirement()))
            .AddPolicy(Editorial, p => p.RequireRole(Roles.Editor, Roles.Reviewer, Roles.TenantAdmin).RequireAssertion(OfThisTenant))
            .AddPolicy(LibraryWriter, p => p.RequireRole(Roles.NetworkEditor).RequireAssertion(OfThisTenant))
            .AddPolicy(LibraryPublishing, p => p
                .RequireRole(Roles.NetworkEditor)
                .RequireAssertion(OfThisTenant)
                .AddRequirements(new SecondFactorRequirement()))
            .AddPolicy(LibraryReader, p => p.RequireRole(Roles.Editor, Roles.Reviewer, Roles.TenantAdmin, Roles.NetworkEditor).RequireAssertion(OfThisTenant))
            .AddPolicy(Publishing, p => p
                .RequireRole(Roles.Editor, Roles.Reviewer, Roles.TenantAdmin)
                .RequireAssertion(OfThisTenant)
                .AddRequirements(new SecondFactorRequirement()));
        return services;
    }

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

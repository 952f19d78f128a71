using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity on the platform's database: cookies for the web, bearer tokens for the API, both
    /// accepted on every endpoint. Accounts are looked up through the tenant filter, so user names and e-mail
    /// addresses are unique per tenant.
    /// </summary>
    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services)
    {
        services.AddIdentityApiEndpoints<PlatformUser>(o =>
            {
                o.Stores.SchemaVersion = IdentitySchema.Version;
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // Wrong passwords never count towards the lockout (PlatformSignInManager, SignInThrottle; ADR-020): only wrong
                // second-factor codes do, which only someone who knows the password can send.
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;

                // The user name is the e-mail address, checked as such; addresses may be international (RFC 6531).
                o.User.AllowedUserNameCharacters = "";
                // Sign-in needs a confirmed address: no account can sit on someone else's address, and reset codes reach the owner.
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<PlatformRole>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddClaimsPrincipalFactory<PlatformClaimsFactory>()
            .AddSignInManager<PlatformSignInManager>()
            .AddPasswordValidator<PasswordRules>()
            // Identity's own texts are English; these are in the request's UI language (issue 14).
            .AddErrorDescriber<LocalizedIdentityErrors>()
            // Replaces Identity's authenticator provider of the same name: the same codes, but each is accepted once.
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        // The sign-in throttle's state: in memory unless a shared cache (Redis) is registered, which then serves every node.
        services.AddDistributedMemoryCache();
        services.AddScoped<SignInThrottle>();

        // Tokens and cookies both authenticate; challenges go to the cookie handler, which sends people to the sign-in
        // page and answers API calls with a plain 401/403.
        services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            o.DefaultForbidScheme = IdentityConstants.ApplicationScheme;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "plattform.anmeldung";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            o.LoginPath = "/anmelden";
            o.AccessDeniedPath = "/kein-zugriff";
            o.Events.OnSigningIn = context =>
            {
                // A tenant reached by path prefix keeps its cookie under that prefix.
                context.CookieOptions.Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/";
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = context => RejectApiOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RejectApiOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            // The periodic re-check of the cookie builds a fresh principal; it keeps how the session was signed in, so
            // a session with a second factor does not lose it after half an hour.
            if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
            {
                identity.AddClaims(current.Claims
                    .Where(c => c.Type is "amr" or ClaimTypes.AuthenticationMethod
                        && !identity.HasClaim(c.Type, c.Value))
                    .Select(c => new Claim(c.Type, c.Value)));
            }

            return Task.CompletedTask;
        });
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            // The relying party is the host the page came from (each jobcenter's own host); the default check compares
            // with the request's Origin header, which browsers send as "null" under our Referrer-Policy no-referrer.
            // The credential's origin must be exactly this server's origin, and never from a cross-origin frame.
            o.ValidateOrigin = context => ValueTask.FromResult(
                !context.CrossOrigin
                && string.Equals(
                    context.Origin,
                    $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}",
                    StringComparison.OrdinalIgnoreCase));
        });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            o.BearerTokenExpiration = TimeSpan.FromHours(1);
            o.RefreshTokenExpiration = TimeSpan.FromDays(14);
        });
        return services;
    }

    private static Task RejectApiOrRedirect(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }
}

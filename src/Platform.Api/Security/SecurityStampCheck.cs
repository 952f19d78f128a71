using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Security;

/// <summary>
/// Access ends with its reason (ADR-011): every signed-in request, by cookie or by bearer token, is checked against the
/// account's current security stamp in the database. Sign-out, removal from the team, a role change, a new password and
/// account deletion change the stamp (or remove the account), so every older cookie and token stops working at its next
/// request, on every node: the database is the only copy, nothing is cached in memory. A dead session continues as
/// anonymous (the API answers 401 where it needs a sign-in, pages ask for one), and a dead cookie is deleted.
/// </summary>
public static class SecurityStampCheck
{
    public static IApplicationBuilder UseSecurityStampCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var signIn = context.RequestServices.GetRequiredService<SignInManager<PlatformUser>>();
                if (await signIn.ValidateSecurityStampAsync(context.User) is null)
                {
                    if (context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Ticket?.AuthenticationScheme
                        == IdentityConstants.ApplicationScheme)
                    {
                        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                    }

                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                }
            }

            await next(context);
        });
}

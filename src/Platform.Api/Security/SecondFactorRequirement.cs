using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Platform.Api.Security;

/// <summary>
/// Met when the signed-in person showed a second factor in this session: a code of their authenticator app (or a
/// recovery code), which Identity records as the claim <c>amr=mfa</c>, or a passkey, which is possession and user
/// verification in one. .NET 10 Identity's own passkey sign-in records <c>amr=pwd</c> like a password, so the
/// platform signs passkeys in itself with <c>amr=mfa</c> and the authentication method <c>passkey</c>
/// (<c>PasswordSignInService.PasskeySignInAsync</c>). A password alone (<c>amr=pwd</c>) does not meet it.
/// </summary>
public sealed class SecondFactorRequirement : IAuthorizationRequirement
{
    public const string AuthenticationMethodReference = "amr";
    public const string MultiFactor = "mfa";
    public const string Passkey = "passkey";

    public static bool IsMetBy(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && (user.HasClaim(AuthenticationMethodReference, MultiFactor)
            || user.HasClaim(ClaimTypes.AuthenticationMethod, Passkey));
}

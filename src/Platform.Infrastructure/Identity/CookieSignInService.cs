using Microsoft.AspNetCore.Identity;
using Platform.Application.Accounts;

namespace Platform.Infrastructure.Identity;

public sealed class CookieSignInService(SignInManager<PlatformUser> signIn) : ISignInService
{
    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password, bool remember)
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, remember, lockoutOnFailure: true);
        return result switch
        {
            { Succeeded: true } => SignInOutcome.Succeeded,
            { IsLockedOut: true } => SignInOutcome.LockedOut,
            { IsNotAllowed: true } => SignInOutcome.NotAllowed,
            _ => SignInOutcome.Failed,
        };
    }

    public Task SignOutAsync() => signIn.SignOutAsync();
}

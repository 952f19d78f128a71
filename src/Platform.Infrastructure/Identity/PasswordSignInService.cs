using Microsoft.AspNetCore.Identity;
using Platform.Application.Accounts;

namespace Platform.Infrastructure.Identity;

/// <summary>Password sign-in for the web (cookie) and the API (bearer token), with one set of rules.</summary>
public sealed class PasswordSignInService(SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users) : ISignInService
{
    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password, bool remember, bool bearerToken = false)
    {
        signIn.AuthenticationScheme = bearerToken ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
        email = email.Trim();
        var result = await signIn.PasswordSignInAsync(email, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignInOutcome.Succeeded;
        }

        var locked = result.IsLockedOut;
        if (result.IsNotAllowed && await users.FindByNameAsync(email) is { } user)
        {
            // Identity refuses an unconfirmed account before it looks at the password. Saying "not confirmed" only
            // to someone who knows the password keeps the answer from revealing which addresses have an account;
            // a wrong password counts towards the lockout as it does for confirmed accounts.
            locked = await users.IsLockedOutAsync(user);
            if (!locked && await users.CheckPasswordAsync(user, password))
            {
                return SignInOutcome.NotAllowed;
            }

            if (!locked)
            {
                await users.AccessFailedAsync(user);
                locked = await users.IsLockedOutAsync(user);
            }
        }

        return locked ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }

    public Task SignOutAsync() => signIn.SignOutAsync();
}

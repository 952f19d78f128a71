using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Platform.Application.Accounts;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Sign-in for the web (cookie) and the API (bearer token), with one set of rules: password, then the second factor
/// when the account has one, or a passkey. Identity marks a sign-in with a second factor with the claim
/// <c>amr=mfa</c> and a passkey sign-in with the authentication method <c>passkey</c>
/// (see <c>SecondFactorRequirement</c> in the API).
/// </summary>
public sealed class PasswordSignInService(SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users) : ISignInService
{
    public async Task<SignInOutcome> PasswordSignInAsync(
        string email, string password, bool remember, bool bearerToken = false, SecondFactorCode? secondFactor = null)
    {
        signIn.AuthenticationScheme = bearerToken ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
        email = email.Trim();
        var result = await signIn.PasswordSignInAsync(email, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return SignInOutcome.Succeeded;
        }

        if (result.RequiresTwoFactor)
        {
            // Identity keeps the half-done sign-in for this request (and in a short-lived cookie for a second step).
            return secondFactor is null ? SignInOutcome.RequiresSecondFactor : await CompleteSecondFactorAsync(secondFactor, remember);
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

    public Task<SignInOutcome> SecondFactorSignInAsync(SecondFactorCode code, bool remember)
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        return CompleteSecondFactorAsync(code, remember);
    }

    public Task<string> MakePasskeyRequestOptionsAsync()
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        return signIn.MakePasskeyRequestOptionsAsync(user: null);
    }

    /// <summary>
    /// Identity's own <c>SignInManager.PasskeySignInAsync</c> (.NET 10) marks the session <c>amr=pwd</c>, as if a password
    /// had been typed. A passkey with user verification (required by default) is possession and biometrics or PIN in
    /// one, so this sign-in records it as such: <c>amr=mfa</c> and the authentication method <c>passkey</c>.
    /// </summary>
    public async Task<SignInOutcome> PasskeySignInAsync(string credentialJson)
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        if (!assertion.Succeeded)
        {
            return SignInOutcome.Failed;
        }

        var user = assertion.User;
        if (await users.IsLockedOutAsync(user))
        {
            return SignInOutcome.LockedOut;
        }

        if (!await signIn.CanSignInAsync(user))
        {
            return SignInOutcome.NotAllowed;
        }

        // Keep the authenticator's signature counter and flags current, as Identity's own passkey sign-in does.
        if (!(await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded)
        {
            return SignInOutcome.Failed;
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa"), new Claim(ClaimTypes.AuthenticationMethod, "passkey")]);
        return SignInOutcome.Succeeded;
    }

    /// <summary>
    /// Signing out ends every session of the account, not only this cookie: a new security stamp invalidates every
    /// cookie, bearer and refresh token issued before (ADR-011), so a copied cookie dies with the sign-out too.
    /// </summary>
    public async Task SignOutAsync()
    {
        if (await users.GetUserAsync(signIn.Context.User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
    }

    private async Task<SignInOutcome> CompleteSecondFactorAsync(SecondFactorCode code, bool remember)
    {
        var value = code.Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (value.Length == 0)
        {
            return SignInOutcome.SecondFactorInvalid;
        }

        // The device is never remembered: every sign-in of an account with a second factor asks for it.
        var result = code.IsRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(value)
            : await signIn.TwoFactorAuthenticatorSignInAsync(value, remember, rememberClient: false);
        return result switch
        {
            { Succeeded: true } => SignInOutcome.Succeeded,
            { IsLockedOut: true } => SignInOutcome.LockedOut,
            _ => SignInOutcome.SecondFactorInvalid,
        };
    }
}

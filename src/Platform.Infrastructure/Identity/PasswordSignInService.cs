using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Platform.Application.Accounts;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Sign-in for the web (cookie) and the API (bearer token), with one set of rules: password, then the second factor
/// when the account has one, or a passkey. Identity marks a sign-in with a second factor with the claim
/// <c>amr=mfa</c> and a passkey sign-in with the authentication method <c>passkey</c>
/// (see <c>SecondFactorRequirement</c> in the API). What an answer may reveal about an account: ADR-020.
/// </summary>
public sealed class PasswordSignInService(
    SignInManager<PlatformUser> signIn, UserManager<PlatformUser> users, SignInThrottle throttle, IAccountEmailQueue mail) : ISignInService
{
    public async Task<PasswordSignInResult> PasswordSignInAsync(PasswordSignInRequest request)
    {
        signIn.AuthenticationScheme = request.BearerToken ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme;
        var email = request.Email.Trim();
        if (await throttle.WaitBeforeNextAttemptAsync(email) is { Ticks: > 0 } wait)
        {
            return new PasswordSignInResult(SignInOutcome.TooManyAttempts, wait);
        }

        // PlatformSignInManager hashes once for every attempt and checks the password before the account's state; a
        // wrong password never counts towards Identity's lockout (the throttle above slows guessing instead).
        var result = await signIn.PasswordSignInAsync(email, request.Password, request.Remember, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.ResetAsync(email);
            return new PasswordSignInResult(SignInOutcome.Succeeded);
        }

        if (result.RequiresTwoFactor)
        {
            await throttle.ResetAsync(email);

            // Identity keeps the half-done sign-in for this request (and in a short-lived cookie for a second step).
            return new PasswordSignInResult(request.SecondFactor is null
                ? SignInOutcome.RequiresSecondFactor
                : await CompleteSecondFactorAsync(request.SecondFactor, request.Remember));
        }

        if (result.IsNotAllowed)
        {
            // The right password for an address that is not confirmed yet. The answer is the one of a wrong password,
            // so that it tells nobody which addresses have an account; the owner gets a new link instead.
            if (await users.FindByNameAsync(email) is { EmailConfirmed: false } unconfirmed)
            {
                mail.EnqueueConfirmation(unconfirmed.Id);
            }

            return new PasswordSignInResult(SignInOutcome.Failed);
        }

        if (result.IsLockedOut)
        {
            // Only reachable with the right password (locked by wrong second-factor codes).
            return new PasswordSignInResult(SignInOutcome.LockedOut);
        }

        await throttle.RecordFailureAsync(email);
        return new PasswordSignInResult(SignInOutcome.Failed);
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

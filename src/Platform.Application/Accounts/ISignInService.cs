namespace Platform.Application.Accounts;

/// <summary>Port for password sign-in (ASP.NET Core Identity), inside the current tenant.</summary>
public interface ISignInService
{
    /// <summary>
    /// Signs in with a cookie, or with a bearer token written to the response for the API. With a second factor on,
    /// the answer is <see cref="SignInOutcome.RequiresSecondFactor"/> unless the request holds a valid code from the
    /// authenticator app or a recovery code. An unknown address, a wrong password and an unconfirmed account all answer
    /// <see cref="SignInOutcome.Failed"/> after the same work (an unconfirmed account with the right password also gets
    /// a new confirmation link by mail); too many failures from this client for the address answer
    /// <see cref="SignInOutcome.TooManyAttempts"/> with the wait.
    /// </summary>
    Task<PasswordSignInResult> PasswordSignInAsync(PasswordSignInRequest request);

    /// <summary>The second step of a web sign-in, after the password answered <see cref="SignInOutcome.RequiresSecondFactor"/>.</summary>
    Task<SignInOutcome> SecondFactorSignInAsync(SecondFactorCode code, bool remember);

    /// <summary>The JSON options for <c>navigator.credentials.get()</c>; the assertion state is kept in a short-lived cookie.</summary>
    Task<string> MakePasskeyRequestOptionsAsync();

    /// <summary>Signs in (cookie) with the credential from <c>navigator.credentials.get()</c>.</summary>
    Task<SignInOutcome> PasskeySignInAsync(string credentialJson);

    Task SignOutAsync();
}

public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown address, wrong password, or (with the right password) an address not confirmed yet: one answer for all.</summary>
    Failed,

    /// <summary>The password is right, but wrong second-factor codes have locked the account for a while.</summary>
    LockedOut,

    /// <summary>A passkey of an account whose e-mail address is not confirmed yet.</summary>
    NotAllowed,

    /// <summary>Too many failed attempts from this client for this address: wait <see cref="PasswordSignInResult.RetryAfter"/>.</summary>
    TooManyAttempts,

    /// <summary>The password is right; the account asks for a code of its authenticator app (or a recovery code).</summary>
    RequiresSecondFactor,

    /// <summary>The code of the second factor was wrong (or already used, for a recovery code).</summary>
    SecondFactorInvalid,
}

/// <summary>
/// A sign-in with the password. An unconfirmed account whose owner signs in with the right password gets a new
/// confirmation link (to this tenant's page <see cref="AccountPages.ConfirmEmail"/>).
/// </summary>
public sealed record PasswordSignInRequest(
    string Email, string Password, bool Remember, bool BearerToken = false, SecondFactorCode? SecondFactor = null);

/// <param name="RetryAfter">With <see cref="SignInOutcome.TooManyAttempts"/>: how long this client has to wait.</param>
public sealed record PasswordSignInResult(SignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>A code from the authenticator app, or one of the recovery codes shown when the app was set up.</summary>
public sealed record SecondFactorCode(string Code, bool IsRecoveryCode);

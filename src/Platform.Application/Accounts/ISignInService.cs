namespace Platform.Application.Accounts;

/// <summary>Port for password sign-in (ASP.NET Core Identity), inside the current tenant.</summary>
public interface ISignInService
{
    /// <summary>
    /// Signs in with a cookie, or with a bearer token written to the response for the API. With a second factor on,
    /// the answer is <see cref="SignInOutcome.RequiresSecondFactor"/> unless <paramref name="secondFactor"/> holds a valid
    /// code from the authenticator app or a recovery code.
    /// </summary>
    Task<SignInOutcome> PasswordSignInAsync(
        string email, string password, bool remember, bool bearerToken = false, SecondFactorCode? secondFactor = null);

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
    Failed,
    LockedOut,

    /// <summary>The password is right but the e-mail address is not confirmed yet.</summary>
    NotAllowed,

    /// <summary>The password is right; the account asks for a code of its authenticator app (or a recovery code).</summary>
    RequiresSecondFactor,

    /// <summary>The code of the second factor was wrong (or already used, for a recovery code).</summary>
    SecondFactorInvalid,
}

/// <summary>A code from the authenticator app, or one of the recovery codes shown when the app was set up.</summary>
public sealed record SecondFactorCode(string Code, bool IsRecoveryCode);

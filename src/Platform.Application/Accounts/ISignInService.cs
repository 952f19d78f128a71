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

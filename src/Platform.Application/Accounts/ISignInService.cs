namespace Platform.Application.Accounts;

/// <summary>Port for password sign-in (ASP.NET Core Identity), inside the current tenant.</summary>
public interface ISignInService
{
    /// <summary>Signs in with a cookie, or with a bearer token written to the response for the API.</summary>
    Task<SignInOutcome> PasswordSignInAsync(string email, string password, bool remember, bool bearerToken = false);

    Task SignOutAsync();
}

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,

    /// <summary>The password is right but the e-mail address is not confirmed yet.</summary>
    NotAllowed,
}

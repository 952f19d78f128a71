namespace Platform.Application.Accounts;

/// <summary>Port for the web's cookie sign-in (ASP.NET Core Identity), inside the current tenant.</summary>
public interface ISignInService
{
    Task<SignInOutcome> PasswordSignInAsync(string email, string password, bool remember);

    Task SignOutAsync();
}

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    NotAllowed,
}

namespace Platform.Application.Accounts;

/// <summary>
/// A sign-in with the password. An unconfirmed account whose owner signs in with the right password gets a new
/// confirmation link (to this tenant's page <see cref="AccountPages.ConfirmEmail"/>).
/// </summary>
public sealed record PasswordSignInRequest(
    string Email, string Password, bool Remember, bool BearerToken = false, SecondFactorCode? SecondFactor = null);

namespace Platform.Api.Endpoints.Accounts;

/// <param name="Password">The account's password, to confirm the deletion.</param>
/// <param name="Confirm">For an account without a password (passkeys only): exactly <c>KONTO LÖSCHEN</c>.</param>
public sealed record DeleteMyAccountRequest(string? Password, string? Confirm);

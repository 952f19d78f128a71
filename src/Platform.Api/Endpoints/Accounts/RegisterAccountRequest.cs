namespace Platform.Api.Endpoints.Accounts;

public sealed record RegisterAccountRequest(string Email, string Password, string DisplayName, bool ConfirmedAtLeast16);

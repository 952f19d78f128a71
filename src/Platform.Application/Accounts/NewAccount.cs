namespace Platform.Application.Accounts;

public sealed record NewAccount(string Email, string Password, string DisplayName, bool ConfirmedAtLeast16, bool EmailConfirmed, string? Role);

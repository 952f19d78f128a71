namespace Platform.Api.Endpoints.Accounts;

/// <param name="TwoFactorCode">The six-digit code of the authenticator app, for accounts with a second factor.</param>
/// <param name="RecoveryCode">Instead of <paramref name="TwoFactorCode"/>: one of the recovery codes (each works once).</param>
public sealed record SignInRequest(string? Email, string? Password, string? TwoFactorCode = null, string? RecoveryCode = null);

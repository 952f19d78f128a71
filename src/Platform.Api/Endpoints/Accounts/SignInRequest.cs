namespace Platform.Api.Endpoints.Accounts;

/// <remarks>
/// <para><paramref name="TwoFactorCode"/>: the six-digit code of the authenticator app, for accounts with a second factor.</para>
/// <para><paramref name="RecoveryCode"/>: instead of <paramref name="TwoFactorCode"/>: one of the recovery codes (each works once).</para>
/// </remarks>
public sealed record SignInRequest(string? Email, string? Password, string? TwoFactorCode = null, string? RecoveryCode = null);

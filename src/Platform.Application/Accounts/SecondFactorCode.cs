namespace Platform.Application.Accounts;

/// <summary>A code from the authenticator app, or one of the recovery codes shown when the app was set up.</summary>
public sealed record SecondFactorCode(string Code, bool IsRecoveryCode);

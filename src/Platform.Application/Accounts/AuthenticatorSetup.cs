namespace Platform.Application.Accounts;

public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri);

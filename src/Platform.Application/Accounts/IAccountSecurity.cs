namespace Platform.Application.Accounts;

/// <summary>
/// Port to an account's second factors (ASP.NET Core Identity's authenticator token provider and passkeys), for the
/// signed-in person's own account in the current tenant.
/// </summary>
public interface IAccountSecurity
{
    Task<SecurityStatus> GetStatusAsync(Guid accountId);

    /// <summary>The shared key of the authenticator app (created on first use) and its <c>otpauth://</c> URI.</summary>
    Task<AuthenticatorSetup> GetAuthenticatorSetupAsync(Guid accountId);

    /// <summary>Turns the second factor on if <paramref name="code"/> is valid: returns the new recovery codes, or null.</summary>
    Task<IReadOnlyList<string>?> EnableAuthenticatorAsync(Guid accountId, string code);

    /// <summary>Turns the second factor off and forgets the shared key, so the next set-up starts with a new one.</summary>
    Task DisableTwoFactorAsync(Guid accountId);

    Task<IReadOnlyList<PasskeySummary>> ListPasskeysAsync(Guid accountId);

    /// <summary>The JSON options for <c>navigator.credentials.create()</c>; the attestation state is kept by sign-in.</summary>
    Task<string> MakePasskeyCreationOptionsAsync(Guid accountId);

    /// <summary>Verifies and stores the credential from <c>navigator.credentials.create()</c>; an error message, or null when added.</summary>
    Task<string?> AddPasskeyAsync(Guid accountId, string credentialJson, string name);

    Task<bool> RenamePasskeyAsync(Guid accountId, string passkeyId, string name);

    Task<bool> RemovePasskeyAsync(Guid accountId, string passkeyId);
}

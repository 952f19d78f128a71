using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Platform.Application.Accounts;
using Platform.Application.Common;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// The second factors of an account on ASP.NET Core Identity: the built-in authenticator token provider (TOTP, RFC
/// 6238) with recovery codes, and WebAuthn passkeys. Passkeys are bound to the host the page was served from, so a
/// passkey of one jobcenter's host does not work at another.
/// </summary>
public sealed partial class AccountSecurity(
    UserManager<PlatformUser> users,
    IUserStore<PlatformUser> store,
    SignInManager<PlatformUser> signIn,
    ICurrentTenant tenant,
    ILogger<AccountSecurity> logger) : IAccountSecurity
{
    private const int RecoveryCodeCount = 10;

    public async Task<SecurityStatus> GetStatusAsync(Guid accountId)
    {
        var user = await FindAsync(accountId);
        var roles = await users.GetRolesAsync(user);
        return new SecurityStatus(
            user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
            (await users.GetPasskeysAsync(user)).Count,
            roles.Any(r => Roles.Staff.Contains(r) || r == Roles.PlatformAdmin));
    }

    public async Task<AuthenticatorSetup> GetAuthenticatorSetupAsync(Guid accountId)
    {
        var user = await FindAsync(accountId);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key for an app that is not switched on yet grants nothing, so it does not renew the security
            // stamp (UserManager.ResetAuthenticatorKeyAsync would, and end this very session: SecurityStampCheck).
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<PlatformUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("The authenticator key could not be saved: " + string.Join("; ", saved.Errors.Select(e => e.Code)));
            }
        }

        var issuer = tenant.Tenant?.DisplayName ?? BrandedEmail.PlatformName;
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(user.Email ?? user.UserName ?? "");
        var uri = string.Create(
            CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30");
        return new AuthenticatorSetup(key, uri);
    }

    public async Task<IReadOnlyList<string>?> EnableAuthenticatorAsync(Guid accountId, string code)
    {
        var user = await FindAsync(accountId);
        var digits = new string([.. code.Where(char.IsAsciiDigit)]);
        if (digits.Length != 6
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        // Turning it on changed the security stamp: renew this session's cookie so it stays signed in. It still counts
        // as a password-only session until the next sign-in with the code.
        await signIn.RefreshSignInAsync(user);
        return [.. codes ?? []];
    }

    public async Task DisableTwoFactorAsync(Guid accountId)
    {
        var user = await FindAsync(accountId);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
    }

    public async Task<IReadOnlyList<PasskeySummary>> ListPasskeysAsync(Guid accountId)
    {
        var user = await FindAsync(accountId);
        return [.. (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeySummary(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt.UtcDateTime))];
    }

    public async Task<string> MakePasskeyCreationOptionsAsync(Guid accountId)
    {
        var user = await FindAsync(accountId);
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        return await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = await users.GetUserIdAsync(user),
            Name = user.Email ?? user.UserName ?? "",
            DisplayName = user.DisplayName,
        });
    }

    public async Task<string?> AddPasskeyAsync(Guid accountId, string credentialJson, string name)
    {
        var user = await FindAsync(accountId);
        var attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        if (!attestation.Succeeded)
        {
            LogAttestationFailed(logger, attestation.Failure?.Message);
            return "Der Passkey konnte nicht angelegt werden. Bitte versuche es noch einmal.";
        }

        var passkey = attestation.Passkey;
        passkey.Name = string.IsNullOrWhiteSpace(name) ? "Passkey" : name.Trim();
        var result = await users.AddOrUpdatePasskeyAsync(user, passkey);
        return result.Succeeded ? null : "Der Passkey konnte nicht gespeichert werden.";
    }

    public async Task<bool> RenamePasskeyAsync(Guid accountId, string passkeyId, string name)
    {
        var user = await FindAsync(accountId);
        if (Decode(passkeyId) is not { } id || await users.GetPasskeyAsync(user, id) is not { } passkey)
        {
            return false;
        }

        passkey.Name = name.Trim();
        return (await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded;
    }

    public async Task<bool> RemovePasskeyAsync(Guid accountId, string passkeyId)
    {
        var user = await FindAsync(accountId);
        if (Decode(passkeyId) is not { } id || await users.GetPasskeyAsync(user, id) is null
            || !(await users.RemovePasskeyAsync(user, id)).Succeeded)
        {
            return false;
        }

        // Removing a way to sign in may renew the security stamp: this session stays, the others end.
        await signIn.RefreshSignInAsync(user);
        return true;
    }

    private static byte[]? Decode(string id)
    {
        try
        {
            return WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A passkey was not added: {Reason}")]
    private static partial void LogAttestationFailed(ILogger logger, string? reason);

    private async Task<PlatformUser> FindAsync(Guid accountId) =>
        await users.FindByIdAsync(accountId.ToString("D", CultureInfo.InvariantCulture))
        ?? throw new NotFoundException("Konto", accountId);
}

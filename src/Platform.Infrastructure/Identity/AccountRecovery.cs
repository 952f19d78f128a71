using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Platform.Application.Accounts;

namespace Platform.Infrastructure.Identity;

/// <summary>E-mail confirmation and password reset on ASP.NET Core Identity, for the API and the web pages alike.</summary>
public sealed class AccountRecovery(UserManager<PlatformUser> users, IAccountEmailQueue mail, SignInThrottle throttle) : IAccountRecovery
{
    private const string InvalidCode = "Der Code ist ungültig oder abgelaufen. Lass dir einen neuen schicken.";

    public async Task RequestConfirmationAsync(string email)
    {
        if (await users.FindByEmailAsync(email.Trim()) is { EmailConfirmed: false } user)
        {
            mail.EnqueueConfirmation(user.Id);
        }
    }

    public async Task RequestPasswordResetAsync(string email)
    {
        if (await users.FindByEmailAsync(email.Trim()) is { EmailConfirmed: true } user)
        {
            mail.EnqueuePasswordReset(user.Id);
        }
    }

    public async Task<bool> ConfirmEmailAsync(string? userId, string? code) =>
        // Accounts are found through the tenant filter: a link used at another jobcenter finds no account.
        AccountCodes.Decode(code) is { } token
        && Guid.TryParse(userId, out var id)
        && await users.FindByIdAsync(id.ToString("D", CultureInfo.InvariantCulture)) is { } user
        && (await users.ConfirmEmailAsync(user, token)).Succeeded;

    public async Task<IReadOnlyDictionary<string, string[]>> ResetPasswordAsync(string email, string code, string newPassword)
    {
        // An unknown address gets the answer of a wrong code, so the form does not tell which accounts exist.
        if (AccountCodes.Decode(code) is not { } token || await users.FindByEmailAsync(email.Trim()) is not { } user)
        {
            return new Dictionary<string, string[]> { ["code"] = [InvalidCode] };
        }

        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            return result.Errors
                .GroupBy(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? "code"
                    : e.Code.StartsWith("Password", StringComparison.Ordinal) ? "newPassword" : "")
                .ToDictionary(g => g.Key, g => g.Key == "code" ? [InvalidCode] : g.Select(e => e.Description).ToArray());
        }

        // Failed guesses at the old password do not count against the new one (the back-off of this client included).
        await throttle.ResetAsync(email);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return new Dictionary<string, string[]>();
    }
}

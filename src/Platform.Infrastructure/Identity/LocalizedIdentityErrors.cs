using Microsoft.AspNetCore.Identity;
using Platform.Application.Common;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// Identity's error texts (password rules, invalid token, duplicate account) in the request's UI language (issue 14):
/// the same codes as Identity's own describer, the descriptions from <see cref="ValidationMessages"/>
/// (<c>Identity.&lt;Code&gt;</c>), read when the error happens, so the culture is the request's, never a cached one.
/// A taken address or user name gets <c>Accounts.EmailTaken</c>, which <see cref="AccountService.RegisterAsync"/> recognises.
/// </summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Localized(base.DefaultError());

    public override IdentityError ConcurrencyFailure() => Localized(base.ConcurrencyFailure());

    public override IdentityError PasswordMismatch() => Localized(base.PasswordMismatch());

    public override IdentityError InvalidToken() => Localized(base.InvalidToken());

    public override IdentityError RecoveryCodeRedemptionFailed() => Localized(base.RecoveryCodeRedemptionFailed());

    public override IdentityError LoginAlreadyAssociated() => Localized(base.LoginAlreadyAssociated());

    public override IdentityError InvalidUserName(string? userName) => Localized(base.InvalidUserName(userName));

    public override IdentityError InvalidEmail(string? email) => Localized(base.InvalidEmail(email));

    public override IdentityError DuplicateUserName(string userName) => Taken(base.DuplicateUserName(userName));

    public override IdentityError DuplicateEmail(string email) => Taken(base.DuplicateEmail(email));

    public override IdentityError InvalidRoleName(string? role) => Localized(base.InvalidRoleName(role), role);

    public override IdentityError DuplicateRoleName(string role) => Localized(base.DuplicateRoleName(role), role);

    public override IdentityError UserAlreadyHasPassword() => Localized(base.UserAlreadyHasPassword());

    public override IdentityError UserLockoutNotEnabled() => Localized(base.UserLockoutNotEnabled());

    public override IdentityError UserAlreadyInRole(string role) => Localized(base.UserAlreadyInRole(role), role);

    public override IdentityError UserNotInRole(string role) => Localized(base.UserNotInRole(role), role);

    public override IdentityError PasswordTooShort(int length) => Localized(base.PasswordTooShort(length), length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Localized(base.PasswordRequiresUniqueChars(uniqueChars), uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Localized(base.PasswordRequiresNonAlphanumeric());

    public override IdentityError PasswordRequiresDigit() => Localized(base.PasswordRequiresDigit());

    public override IdentityError PasswordRequiresLower() => Localized(base.PasswordRequiresLower());

    public override IdentityError PasswordRequiresUpper() => Localized(base.PasswordRequiresUpper());

    /// <summary>The base's code, with the text of <c>Identity.&lt;Code&gt;</c> in the current UI culture.</summary>
    private static IdentityError Localized(IdentityError error, params object?[] args) => new()
    {
        Code = error.Code,
        Description = args.Length == 0 ? ValidationMessages.Get("Identity." + error.Code) : ValidationMessages.Format("Identity." + error.Code, args),
    };

    private static IdentityError Taken(IdentityError error) => new() { Code = error.Code, Description = AccountService.TakenMessage };
}

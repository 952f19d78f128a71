using FluentValidation;
using Platform.Application.Common;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Endpoints.Accounts;

internal static class PasswordValidation
{
    /// <summary>The length rules of <see cref="PasswordRules"/>, in the request's language; Identity checks the rest.</summary>
    public static IRuleBuilderOptions<T, string> PlatformPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage(_ => ValidationMessages.Get("Accounts.PasswordRequired"))
            .MinimumLength(PasswordRules.MinimumLength).WithMessage(_ => ValidationMessages.Format("Accounts.PasswordTooShort", PasswordRules.MinimumLength))
            .MaximumLength(PasswordRules.MaximumLength).WithMessage(_ => ValidationMessages.Format("Accounts.PasswordTooLong", PasswordRules.MaximumLength));

    /// <summary>An account's e-mail address: given, an address, at most 254 characters (RFC 5321).</summary>
    public static IRuleBuilderOptions<T, string> AccountEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage(_ => ValidationMessages.Get("Accounts.EmailRequired"))
            .EmailAddress().WithMessage(_ => ValidationMessages.Get("Accounts.EmailInvalid"))
            .MaximumLength(254).WithMessage(_ => ValidationMessages.Get("Contact.EmailTooLong"));
}

using FluentValidation;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Endpoints.Accounts;

internal static class PasswordValidation
{
    /// <summary>The length rules of <see cref="PasswordRules"/> with German messages; Identity checks the rest.</summary>
    public static IRuleBuilderOptions<T, string> PlatformPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Bitte wähle ein Passwort.")
            .MinimumLength(PasswordRules.MinimumLength).WithMessage($"Das Passwort braucht mindestens {PasswordRules.MinimumLength} Zeichen.")
            .MaximumLength(PasswordRules.MaximumLength).WithMessage($"Das Passwort darf höchstens {PasswordRules.MaximumLength} Zeichen lang sein.");
}

using FluentValidation;

namespace Platform.Api.Endpoints.Accounts;

public sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Bitte gib deine E-Mail-Adresse an.")
            .EmailAddress().WithMessage("Das ist keine gültige E-Mail-Adresse.");
        RuleFor(r => r.Code).NotEmpty().WithMessage("Bitte gib den Code aus der E-Mail ein.");
        RuleFor(r => r.NewPassword).PlatformPassword();
    }
}

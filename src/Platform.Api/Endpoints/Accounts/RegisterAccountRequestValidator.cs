using FluentValidation;

namespace Platform.Api.Endpoints.Accounts;

public sealed class RegisterAccountRequestValidator : AbstractValidator<RegisterAccountRequest>
{
    public RegisterAccountRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage("Bitte gib deine E-Mail-Adresse an.")
            .EmailAddress().WithMessage("Das ist keine gültige E-Mail-Adresse.")
            .MaximumLength(254);
        RuleFor(r => r.Password).PlatformPassword();
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage("Bitte gib einen Namen an, mit dem wir dich ansprechen dürfen.")
            .MaximumLength(60).WithMessage("Der Name darf höchstens 60 Zeichen lang sein.");
    }
}

using FluentValidation;

namespace Platform.Api.Endpoints.Accounts;

public sealed class AccountEmailRequestValidator : AbstractValidator<AccountEmailRequest>
{
    public AccountEmailRequestValidator() =>
        RuleFor(r => r.Email).NotEmpty().WithMessage("Bitte gib deine E-Mail-Adresse an.")
            .EmailAddress().WithMessage("Das ist keine gültige E-Mail-Adresse.")
            .MaximumLength(254);
}

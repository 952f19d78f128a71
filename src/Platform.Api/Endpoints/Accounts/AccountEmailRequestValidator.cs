using FluentValidation;

namespace Platform.Api.Endpoints.Accounts;

public sealed class AccountEmailRequestValidator : AbstractValidator<AccountEmailRequest>
{
    public AccountEmailRequestValidator() =>
        RuleFor(r => r.Email).AccountEmail();
}

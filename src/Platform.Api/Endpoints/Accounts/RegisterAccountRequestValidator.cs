using FluentValidation;
using Platform.Application.Common;

namespace Platform.Api.Endpoints.Accounts;

public sealed class RegisterAccountRequestValidator : AbstractValidator<RegisterAccountRequest>
{
    public RegisterAccountRequestValidator()
    {
        RuleFor(r => r.Email).AccountEmail();
        RuleFor(r => r.Password).PlatformPassword();
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage(_ => ValidationMessages.Get("Accounts.NameRequired"))
            .MaximumLength(60).WithMessage(_ => ValidationMessages.Format("Accounts.NameTooLong", 60));
    }
}

using FluentValidation;
using Platform.Application.Common;

namespace Platform.Api.Endpoints.Accounts;

public sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().WithMessage(_ => ValidationMessages.Get("Accounts.EmailRequired"))
            .EmailAddress().WithMessage(_ => ValidationMessages.Get("Accounts.EmailInvalid"));
        RuleFor(r => r.Code).NotEmpty().WithMessage(_ => ValidationMessages.Get("Accounts.CodeRequired"));
        RuleFor(r => r.NewPassword).PlatformPassword();
    }
}

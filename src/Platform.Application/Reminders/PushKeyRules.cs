using FluentValidation;
using Platform.Application.Common;
using Platform.Domain.Reminders;

namespace Platform.Application.Reminders;

internal static class PushKeyRules
{
    public static void Add<T>(AbstractValidator<T> validator, IPushEndpointPolicy policy, Func<T, string> endpoint, Func<T, string> p256dh, Func<T, string> auth)
    {
        validator.RuleFor(c => endpoint(c)).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(PushSubscription.MaxEndpointLength)
            .Must(e => Uri.TryCreate(e, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .WithMessage(_ => ValidationMessages.Get("Push.EndpointInvalid"))
            .Must(policy.Allows).WithMessage(_ => ValidationMessages.Get("Push.EndpointNotAllowed"))
            .OverridePropertyName("endpoint");
        validator.RuleFor(c => p256dh(c)).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => ValidationMessages.Get("Push.P256dhMissing"))
            .Must(PushKeys.IsP256dh).WithMessage(_ => ValidationMessages.Get("Push.P256dhInvalid"))
            .OverridePropertyName("p256dh");
        validator.RuleFor(c => auth(c)).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => ValidationMessages.Get("Push.AuthMissing"))
            .Must(PushKeys.IsAuth).WithMessage(_ => ValidationMessages.Get("Push.AuthInvalid"))
            .OverridePropertyName("auth");
    }
}

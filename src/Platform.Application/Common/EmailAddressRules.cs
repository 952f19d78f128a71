using FluentValidation;

namespace Platform.Application.Common;

public static class EmailAddressRules
{
    /// <summary>True when the part before the last <c>@</c> has a character outside ASCII (the domain is IDN-encoded anyway).</summary>
    public static bool HasInternationalLocalPart(string address)
    {
        var at = address.LastIndexOf('@');
        return address.AsSpan(0, at < 0 ? address.Length : at).ContainsAnyExceptInRange('\0', '\x7f');
    }

    /// <summary>Refuses an address the mail server could not deliver to (see <see cref="IEmailAddressCheck"/>).</summary>
    public static IRuleBuilderOptions<T, TAddress> Deliverable<T, TAddress>(this IRuleBuilder<T, TAddress> rule, IEmailAddressCheck check) =>
        rule.MustAsync(async (address, ct) => address is not string text || string.IsNullOrWhiteSpace(text) || await check.CanDeliverAsync(text.Trim(), ct))
            .WithMessage(_ => ValidationMessages.Get("Email.NotDeliverable"));
}

using FluentValidation;

namespace Platform.Application.Common;

/// <summary>
/// Port: can the platform's mail server deliver to this address at all? An address whose local part has characters
/// outside ASCII (RFC 6531) needs a server that offers SMTPUTF8; asking at the moment the address is given turns a
/// message that could never be sent into a clear answer to the person who typed it.
/// </summary>
public interface IEmailAddressCheck
{
    Task<bool> CanDeliverAsync(string address, CancellationToken cancellationToken);
}

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

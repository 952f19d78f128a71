using System.Globalization;
using Platform.Application.Common;
using Platform.Application.Resources;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>
/// The confirmation a sender gets, in the language of the page they wrote on. It repeats nothing they typed (not even
/// the name): otherwise the form would let anyone send mail with their own words in the jobcenter's name to any address.
/// </summary>
public static class ContactConfirmationEmail
{
    public static EmailMessage Compose(TenantInfo? tenant, string to, ContactRequestType type, CultureInfo culture)
    {
        var what = type switch
        {
            ContactRequestType.Callback => "Contact.Callback",
            ContactRequestType.Barrier => "Contact.Barrier",
            _ => "Contact.Question",
        };
        return BrandedEmail.Compose(
            tenant,
            to,
            EmailText.Get("Contact.Subject", culture),
            [
                new EmailParagraph(EmailText.Get("Contact.Hello", culture)),
                new EmailParagraph(EmailText.Get(what, culture)),
                new EmailParagraph(EmailText.Get("Contact.NotYou", culture)),
            ],
            culture);
    }
}

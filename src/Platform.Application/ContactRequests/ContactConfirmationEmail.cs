using Platform.Application.Common;
using Platform.Domain.ContactRequests;

namespace Platform.Application.ContactRequests;

/// <summary>
/// The confirmation a sender gets. It repeats nothing they typed (not even the name): otherwise the form would let
/// anyone send mail with their own words in the jobcenter's name to any address.
/// </summary>
public static class ContactConfirmationEmail
{
    public static EmailMessage Compose(TenantInfo? tenant, string to, ContactRequestType type)
    {
        var what = type switch
        {
            ContactRequestType.Callback => "Wir haben deine Bitte um Rückruf bekommen. Wir rufen dich so bald wie möglich an.",
            ContactRequestType.Barrier => "Wir haben deine Meldung einer Barriere bekommen. Danke, dass du uns hilfst, besser zu werden. Wir melden uns, wenn wir Fragen haben.",
            _ => "Wir haben deine Frage bekommen und antworten dir so bald wie möglich.",
        };
        return BrandedEmail.Compose(tenant, to, "Deine Nachricht ist angekommen", [
            new EmailParagraph("Hallo,"),
            new EmailParagraph(what),
            new EmailParagraph("Wenn du diese Nachricht nicht geschickt hast, kannst du diese E-Mail einfach ignorieren."),
        ]);
    }
}

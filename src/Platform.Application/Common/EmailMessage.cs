namespace Platform.Application.Common;

/// <summary>One e-mail to one address, always with a plain-text and an HTML body.</summary>
/// <param name="SenderName">Shown as the sender's name (the jobcenter); the sending address is configured.</param>
/// <param name="ReplyTo">Where answers go, for example the jobcenter's contact address; none when empty.</param>
/// <param name="UnsubscribeUrl">The unsubscribe page linked in the text of notifications; none for account mail.</param>
/// <param name="OneClickUnsubscribeUrl">
/// Where the mail client's own unsubscribe button posts (List-Unsubscribe with List-Unsubscribe-Post, RFC 8058).
/// </param>
/// <param name="MessageIdLocalPart">
/// The part before the <c>@</c> of a stable Message-ID, so that a message sent again after a crash can be recognised as
/// the same; the sender adds the platform's mail domain. Empty: a fresh one.
/// </param>
public sealed record EmailMessage(
    string To,
    string Subject,
    string PlainTextBody,
    string HtmlBody,
    string? SenderName = null,
    string? ReplyTo = null,
    Uri? UnsubscribeUrl = null,
    string? MessageIdLocalPart = null,
    Uri? OneClickUnsubscribeUrl = null);

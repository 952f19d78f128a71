namespace Platform.Application.Common;

/// <summary>One e-mail to one address, always with a plain-text and an HTML body.</summary>
/// <remarks>
/// <para><paramref name="SenderName"/>: shown as the sender's name (the jobcenter); the sending address is configured.</para>
/// <para><paramref name="ReplyTo"/>: where answers go, for example the jobcenter's contact address; none when empty.</para>
/// <para><paramref name="UnsubscribeUrl"/>: the unsubscribe page linked in the text of notifications; none for account mail.</para>
/// <para>
/// <paramref name="OneClickUnsubscribeUrl"/>: where the mail client's own unsubscribe button posts (List-Unsubscribe with List-Unsubscribe-Post, RFC 8058).
/// </para>
/// <para>
/// <paramref name="MessageIdLocalPart"/>: the part before the <c>@</c> of a stable Message-ID, so that a message sent again after a crash can be recognised as
/// the same; the sender adds the platform's mail domain. Empty: a fresh one.
/// </para>
/// <para>
/// <paramref name="ReferencesLocalParts"/>: the Message-IDs (before the <c>@</c>) of the thread this message answers, oldest first; the last is its
/// In-Reply-To. <paramref name="WrittenByPerson"/>: a person wrote it (a team's answer), so it is not marked Auto-Submitted.
/// </para>
/// <para><paramref name="Attachments"/>: files sent along, for example the .ics of a booked callback; none when null.</para>
/// </remarks>
public sealed record EmailMessage(
    string To,
    string Subject,
    string PlainTextBody,
    string HtmlBody,
    string? SenderName = null,
    string? ReplyTo = null,
    Uri? UnsubscribeUrl = null,
    string? MessageIdLocalPart = null,
    Uri? OneClickUnsubscribeUrl = null,
    IReadOnlyList<string>? ReferencesLocalParts = null,
    bool WrittenByPerson = false,
    IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A file attached to an <see cref="EmailMessage"/>: its name, MIME type (for example <c>text/calendar; charset=utf-8</c>) and bytes.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

namespace Platform.Application.Common;

/// <summary>
/// Port to the outgoing mail server. Throws when the message could not be handed over, so that a caller which can
/// retry (a job) does; callers that must not fail because mail is down send from a job rather than the request.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>One e-mail to one address, always with a plain-text and an HTML body.</summary>
/// <param name="SenderName">Shown as the sender's name (the jobcenter); the sending address is configured.</param>
/// <param name="ReplyTo">Where answers go, for example the jobcenter's contact address; none when empty.</param>
public sealed record EmailMessage(
    string To,
    string Subject,
    string PlainTextBody,
    string HtmlBody,
    string? SenderName = null,
    string? ReplyTo = null);

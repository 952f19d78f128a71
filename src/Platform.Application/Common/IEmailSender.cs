namespace Platform.Application.Common;

/// <summary>
/// Port to the outgoing mail server. Throws when the message could not be handed over, so that a caller which can
/// retry (a job) does; callers that must not fail because mail is down send from a job rather than the request.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

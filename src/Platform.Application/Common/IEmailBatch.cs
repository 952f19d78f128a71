namespace Platform.Application.Common;

/// <summary>An open connection to the mail server. <see cref="SendAsync"/> returns once the server accepted the message.</summary>
public interface IEmailBatch : IAsyncDisposable
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

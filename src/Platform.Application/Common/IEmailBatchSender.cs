namespace Platform.Application.Common;

/// <summary>
/// Port for sending many e-mails over one connection (notifications): open once per batch, send many, dispose.
/// </summary>
public interface IEmailBatchSender
{
    Task<IEmailBatch> OpenAsync(CancellationToken cancellationToken);
}

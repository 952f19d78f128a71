using Microsoft.Extensions.Logging;
using Platform.Application.Common;
using Platform.Application.ContactRequests;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Sends the confirmation of a contact request from a job, so the form never waits for (or fails because of) the
/// mail server. The job carries ids only: the address stays in the tenant's own table, not in the job storage.
/// </summary>
public sealed partial class SendContactConfirmationJob(ITenantScopeRunner tenants, ILogger<SendContactConfirmationJob> logger)
{
    public Task RunAsync(Guid tenantId, Guid contactRequestId, CancellationToken cancellationToken) =>
        TenantMailJob.RunAsync(
            tenants, tenantId, new SendContactConfirmationCommand(contactRequestId), () => LogGone(logger, contactRequestId), () => LogNoTenant(logger, tenantId), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact request {RequestId} no longer exists; no confirmation sent")]
    private static partial void LogGone(ILogger logger, Guid requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} no longer exists; no confirmation sent")]
    private static partial void LogNoTenant(ILogger logger, Guid tenantId);
}

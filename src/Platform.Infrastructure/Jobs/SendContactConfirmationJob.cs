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
    public async Task RunAsync(Guid tenantId, Guid contactRequestId, CancellationToken cancellationToken)
    {
        try
        {
            if (!await tenants.SendAsync(tenantId, new SendContactConfirmationCommand(contactRequestId), cancellationToken))
            {
                LogGone(logger, contactRequestId);
            }
        }
        catch (UnknownTenantException)
        {
            // The jobcenter was removed after the request was sent: there is no one left to confirm for.
            LogNoTenant(logger, tenantId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact request {RequestId} no longer exists; no confirmation sent")]
    private static partial void LogGone(ILogger logger, Guid requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} no longer exists; no confirmation sent")]
    private static partial void LogNoTenant(ILogger logger, Guid tenantId);
}

using Microsoft.Extensions.Logging;
using Platform.Application.Common;
using Platform.Application.ContactRequests;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Sends the confirmation of a booked callback (with its .ics) from a job, so booking never waits for the mail server.
/// The job carries ids only: the address stays in the tenant's own table.
/// </summary>
public sealed partial class SendCallbackConfirmationJob(ITenantScopeRunner tenants, ILogger<SendCallbackConfirmationJob> logger)
{
    public Task RunAsync(Guid tenantId, Guid bookingId, CancellationToken cancellationToken) =>
        TenantMailJob.RunAsync(
            tenants, tenantId, new SendCallbackConfirmationCommand(bookingId), () => LogGone(logger, bookingId), () => LogNoTenant(logger, tenantId), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback booking {BookingId} is cancelled or gone; no confirmation sent")]
    private static partial void LogGone(ILogger logger, Guid bookingId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} no longer exists; no callback confirmation sent")]
    private static partial void LogNoTenant(ILogger logger, Guid tenantId);
}

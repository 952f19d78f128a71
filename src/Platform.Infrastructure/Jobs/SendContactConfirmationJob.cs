using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Application.Common;
using Platform.Application.ContactRequests;
using Platform.Infrastructure.Tenancy;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Sends the confirmation of a contact request from a job, so the form never waits for (or fails because of) the
/// mail server. The job carries ids only: the address stays in the tenant's own table, not in the job storage.
/// </summary>
public sealed partial class SendContactConfirmationJob(TenantScopeRunner runner, ILogger<SendContactConfirmationJob> logger)
{
    public async Task RunAsync(Guid tenantId, Guid contactRequestId, CancellationToken cancellationToken)
    {
        var ran = await runner.RunAsync(
            tenantId,
            async (services, ct) =>
            {
                var db = services.GetRequiredService<IAppDbContext>();
                var request = await db.ContactRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == contactRequestId, ct);
                if (request is not { Email.Length: > 0 })
                {
                    // Deleted (by staff or retention) before the job ran: nothing to confirm.
                    LogGone(logger, contactRequestId);
                    return;
                }

                var tenant = services.GetRequiredService<ICurrentTenant>().Tenant;
                await services.GetRequiredService<IEmailSender>().SendAsync(ContactConfirmationEmail.Compose(tenant, request.Email, request.Type), ct);
            },
            cancellationToken);
        if (!ran)
        {
            LogNoTenant(logger, tenantId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact request {RequestId} no longer exists; no confirmation sent")]
    private static partial void LogGone(ILogger logger, Guid requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} no longer exists; no confirmation sent")]
    private static partial void LogNoTenant(ILogger logger, Guid tenantId);
}

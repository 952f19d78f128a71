using Microsoft.Extensions.Logging;
using Platform.Application.Common;
using Platform.Application.ContactRequests;

namespace Platform.Infrastructure.Jobs;

/// <summary>
/// Sends a team's answer to a contact request (issue 16). The job carries ids only: the address and the text stay in
/// the tenant's own tables. Hangfire retries it when the mail server is away; the stable Message-ID and the answer's
/// sent time keep a retry from sending it twice once it went out.
/// </summary>
public sealed partial class SendContactAnswerJob(ITenantScopeRunner tenants, ILogger<SendContactAnswerJob> logger)
{
    public Task RunAsync(Guid tenantId, Guid answerId, CancellationToken cancellationToken) =>
        TenantMailJob.RunAsync(
            tenants, tenantId, new SendContactAnswerCommand(answerId), () => LogNothing(logger, answerId), () => LogNoTenant(logger, tenantId), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answer {AnswerId} was sent already or no longer exists")]
    private static partial void LogNothing(ILogger logger, Guid answerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} no longer exists; no answer sent")]
    private static partial void LogNoTenant(ILogger logger, Guid tenantId);
}

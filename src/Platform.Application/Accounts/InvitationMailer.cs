using Microsoft.Extensions.Logging;
using Platform.Application.Common;

namespace Platform.Application.Accounts;

/// <summary>
/// Sends an invitation while the request still knows its token (only a hash is stored, so no job could send it
/// later). If the mail server does not answer, the admin gets the link to forward instead of an error.
/// </summary>
public sealed partial class InvitationMailer(IEmailSender email, TimeProvider clock, ILogger<InvitationMailer> logger)
{
    public async Task<bool> TrySendAsync(TenantInfo? tenant, string to, string role, string link, DateTime expiresAt, CancellationToken ct = default)
    {
        try
        {
            await email.SendAsync(AccountEmails.Invitation(tenant, to, role, new Uri(link), expiresAt - clock.GetUtcNow().UtcDateTime), ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, ex, tenant?.Slug ?? "-");
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation mail for tenant {Tenant} could not be sent")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string tenant);
}

using Microsoft.Extensions.Logging;
using Platform.Application.Common;

namespace Platform.Application.Accounts;

/// <summary>
/// Sends an invitation while the request still knows its token (only a hash is stored, so no job could send it
/// later). If the mail server does not answer, the admin gets the link to forward instead of an error.
/// </summary>
public sealed partial class InvitationMailer(IEmailSender email, ITenantLinks links, TimeProvider clock, ILogger<InvitationMailer> logger)
{
    public const string Page = "einladung";

    /// <summary>The invitation page of the tenant with the token, on the tenant's own host (ADR-023).</summary>
    public Uri Link(TenantInfo? tenant, string token) => links.Link(tenant, $"{Page}?token={Uri.EscapeDataString(token)}");

    /// <summary>Mails the invitation; the link is returned either way, so that the admin can forward it.</summary>
    public async Task<InvitationSent> TrySendAsync(TenantInfo? tenant, string to, string role, string token, DateTime expiresAt, CancellationToken ct = default)
    {
        var link = Link(tenant, token);
        try
        {
            await email.SendAsync(AccountEmails.Invitation(tenant, to, role, link, expiresAt - clock.GetUtcNow().UtcDateTime), ct);
            return new InvitationSent(link, Mailed: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, ex, tenant?.Slug ?? "-");
            return new InvitationSent(link, Mailed: false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invitation mail for tenant {Tenant} could not be sent")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string tenant);
}

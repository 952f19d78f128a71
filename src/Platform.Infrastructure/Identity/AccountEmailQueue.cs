using Hangfire;
using Platform.Application.Accounts;
using Platform.Application.Common;

namespace Platform.Infrastructure.Identity;

/// <summary>Queues <see cref="SendAccountEmailJob"/> for an account of the current tenant (or of the platform).</summary>
public sealed class AccountEmailQueue(IBackgroundJobClient jobs, ICurrentTenant tenant) : IAccountEmailQueue
{
    public void EnqueueConfirmation(Guid accountId, Uri confirmEmailUrl)
    {
        var (tenantId, url) = (TenantId, confirmEmailUrl.AbsoluteUri);
        jobs.Enqueue<SendAccountEmailJob>(job => job.SendConfirmationAsync(tenantId, accountId, url, CancellationToken.None));
    }

    public void EnqueuePasswordReset(Guid accountId, Uri resetPasswordUrl)
    {
        var (tenantId, url) = (TenantId, resetPasswordUrl.AbsoluteUri);
        jobs.Enqueue<SendAccountEmailJob>(job => job.SendPasswordResetAsync(tenantId, accountId, url, CancellationToken.None));
    }

    public void EnqueueAlreadyRegistered(Guid accountId, Uri signInUrl, Uri resetPasswordUrl)
    {
        var (tenantId, signIn, reset) = (TenantId, signInUrl.AbsoluteUri, resetPasswordUrl.AbsoluteUri);
        jobs.Enqueue<SendAccountEmailJob>(job => job.SendAlreadyRegisteredAsync(tenantId, accountId, signIn, reset, CancellationToken.None));
    }

    /// <summary>The platform's own accounts have no tenant: <see cref="Guid.Empty"/>.</summary>
    private Guid TenantId => tenant.Tenant?.Id ?? Guid.Empty;
}

using Hangfire;
using Platform.Application.Accounts;
using Platform.Application.Common;

namespace Platform.Infrastructure.Identity;

/// <summary>Queues <see cref="SendAccountEmailJob"/> for an account of the current tenant (or of the platform).</summary>
public sealed class AccountEmailQueue(IBackgroundJobClient jobs, ICurrentTenant tenant) : IAccountEmailQueue
{
    public void EnqueueConfirmation(Guid accountId)
    {
        var tenantId = TenantId;
        jobs.Enqueue<SendAccountEmailJob>(job => job.SendConfirmationAsync(tenantId, accountId, CancellationToken.None));
    }

    public void EnqueuePasswordReset(Guid accountId)
    {
        var tenantId = TenantId;
        jobs.Enqueue<SendAccountEmailJob>(job => job.SendPasswordResetAsync(tenantId, accountId, CancellationToken.None));
    }

    public void EnqueueAlreadyRegistered(Guid accountId)
    {
        var tenantId = TenantId;
        jobs.Enqueue<SendAccountEmailJob>(job => job.SendAlreadyRegisteredAsync(tenantId, accountId, CancellationToken.None));
    }

    /// <summary>The platform's own accounts have no tenant: <see cref="Guid.Empty"/>.</summary>
    private Guid TenantId => tenant.Tenant?.Id ?? Guid.Empty;
}
